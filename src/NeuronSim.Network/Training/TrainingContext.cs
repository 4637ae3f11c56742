using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// What the training systems share within a tick: the world, its resolved topology, the batch,
/// the options, and the metrics of the current batch and epoch.
/// </summary>
public sealed class TrainingContext
{
    private NetworkTopology? _topology;

    /// <summary>The state for training <paramref name="world"/>'s network on <paramref name="data"/>.</summary>
    public TrainingContext(World world, DataSet data, DataSet? test, FeatureSet features, TrainingOptions options)
    {
        World = world;
        Data = data;
        Test = test;
        InputColumns = features.Columns(data);
        TestLossHistory = new(test is null ? 0 : options.MaxEpochs);
        Options = options;
        Schedule = new BatchSchedule(data.Count, options.BatchSizeFor(data.Count), options.ShuffleSeed);
        BatchLabels = new double[Schedule.BatchSize];
        LossHistory = new(options.MaxEpochs);
        AccuracyHistory = new(options.MaxEpochs);
    }

    /// <summary>The world holding the network's entities.</summary>
    public World World { get; }

    /// <summary>The training data.</summary>
    public DataSet Data { get; }

    /// <summary>The training points' input features: InputColumns[f][k] is feature f of point k (computed once).</summary>
    public double[][] InputColumns { get; }

    /// <summary>The held-out test points, or null when "test" is the training set (a test ratio of 0).</summary>
    public DataSet? Test { get; }

    /// <summary>The data loss on the test points after the last epoch (NaN without a test set).</summary>
    public double TestLoss { get; set; } = double.NaN;

    /// <summary>The accuracy on the test points after the last epoch (NaN without a test set).</summary>
    public double TestAccuracy { get; set; } = double.NaN;

    /// <summary>Each epoch's test loss, measured after the epoch (empty without a test set).</summary>
    public EpochHistory TestLossHistory { get; }

    /// <summary>The training options (learning rate, loss, optimizer, stopping rule).</summary>
    public TrainingOptions Options { get; set; }

    /// <summary>The loss function's row of the loss table.</summary>
    public LossDefinition LossFunction => Losses.Of(Options.Loss);

    /// <summary>The network resolved into dense order; rebuilt when the world's structure changed.</summary>
    public NetworkTopology Topology => _topology is { IsStale: false } ? _topology : _topology = NetworkTopology.Build(World);

    /// <summary>Which points each step uses.</summary>
    public BatchSchedule Schedule { get; private set; }

    /// <summary>When set, the next feed puts every training point in order into the network (an evaluation, not a step).</summary>
    public bool FeedAllPoints { get; set; }

    /// <summary>Points fed by the last <c>FeedInput</c>.</summary>
    public int Samples { get; set; }

    /// <summary>The labels of the points fed, in feed order (the first <see cref="Samples"/> entries).</summary>
    public double[] BatchLabels { get; private set; }

    /// <summary>The data loss of the last forward pass: the loss function's mean over its points.</summary>
    public double BatchLoss { get; set; } = double.NaN;

    /// <summary>Points the last forward pass predicted right (<see cref="Classification"/>).</summary>
    public int BatchCorrect { get; set; }

    /// <summary>The regularization penalty of the weights as they were in the last step (0 without regularization).</summary>
    public double Penalty { get; set; }

    /// <summary>Optimizer steps taken (Adam's t).</summary>
    public long OptimizerSteps { get; set; }

    /// <summary>Epochs completed (passes over the training data).</summary>
    public int Epoch { get; set; }

    /// <summary>The data loss of the network as it stands, on every training point (what the stop rule judges).</summary>
    public double Loss { get; set; } = double.NaN;

    /// <summary>The accuracy belonging to <see cref="Loss"/>.</summary>
    public double Accuracy { get; set; }

    /// <summary>Sums over the epoch so far: loss times points, points right, points seen.</summary>
    public (double Loss, int Correct, int Points) EpochTotals { get; set; }

    /// <summary>
    /// Each epoch's data loss, epoch 1 first: the mean over the epoch's points of the loss measured in
    /// the step that used them, before that step's update (full batch: the loss before the epoch's update).
    /// Bounded memory: exact for the first 100000 epochs (reserved up front, so ticks do not allocate), then bucketed.
    /// </summary>
    public EpochHistory LossHistory { get; }

    /// <summary>Each epoch's accuracy, measured as <see cref="LossHistory"/>.</summary>
    public EpochHistory AccuracyHistory { get; }

    /// <summary>Makes room for labels of <paramref name="samples"/> points.</summary>
    public void EnsureLabelCapacity(int samples)
    {
        if (BatchLabels.Length < samples) BatchLabels = new double[samples];
    }

    /// <summary>Training goes on under <paramref name="options"/>: a batch schedule of its batch size that draws the same epochs' orders from here on.</summary>
    internal void ChangeOptions(TrainingOptions options)
    {
        var next = Schedule.NextEpoch;
        Options = options;
        Schedule = new BatchSchedule(Data.Count, options.BatchSizeFor(Data.Count), options.ShuffleSeed) { NextEpoch = next };
        BatchLabels = new double[Schedule.BatchSize];
    }
}
