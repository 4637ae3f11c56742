using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Systems;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// A network learning a data set: an ECS world holding the network's entities and the systems
/// that run each tick. One tick (<see cref="Step()"/>) is one epoch of full-batch gradient descent:
/// feed inputs, forward propagation, loss, back-propagation, weight update, metrics.
/// </summary>
public sealed class TrainingSimulation : IDisposable
{
    private readonly SystemGroup<TrainingContext> _evaluate;
    private readonly SystemGroup<TrainingContext> _train;
    private readonly Predictor _predictor = new();

    /// <summary>Builds the network of <paramref name="spec"/> in a new world, ready to learn <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The spec or the options are out of range.</exception>
    public TrainingSimulation(NetworkSpec spec, DataSet data, TrainingOptions? options = null)
    {
        options ??= new TrainingOptions();
        options.Validate();
        spec.Validate();
        Spec = spec;
        World = NeuronSim.Ecs.World.Create();
        NetworkBuilder.Build(World, spec, data.Count);
        Context = new TrainingContext(World, data, options);
        var feed = new FeedInputSystem(World);
        var forward = new ForwardPropagationSystem(World);
        var loss = new LossSystem(World);
        _evaluate = new SystemGroup<TrainingContext>("evaluate", feed, forward, loss);
        _train = new SystemGroup<TrainingContext>("train", feed, forward, loss,
            new BackPropagationSystem(World), new WeightUpdateSystem(World), new MetricsSystem(World));
        _train.Initialize();
        // The neurons' state shows the untrained network's forward pass from the start (epoch 0).
        Evaluate();
    }

    /// <summary>The network's shape and seed.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>The world holding the network's entities.</summary>
    public World World { get; }

    /// <summary>The state the systems share: epoch, loss, accuracy, histories.</summary>
    public TrainingContext Context { get; }

    /// <summary>The training data.</summary>
    public DataSet Data => Context.Data;

    /// <summary>The training options.</summary>
    public TrainingOptions Options => Context.Options;

    /// <summary>Epochs completed.</summary>
    public int Epoch => Context.Epoch;

    /// <summary>The loss of the last epoch (NaN before the first).</summary>
    public double Loss => Context.Loss;

    /// <summary>The accuracy of the last epoch.</summary>
    public double Accuracy => Context.Accuracy;

    /// <summary>The network resolved into layers.</summary>
    public NetworkTopology Topology => Context.Topology;

    /// <summary>Where training stands.</summary>
    public TrainingStatus Status { get; private set; } = TrainingStatus.Running;

    /// <summary>Runs one epoch unless training has ended; returns the status after it.</summary>
    public TrainingStatus Step()
    {
        if (Status != TrainingStatus.Running) return Status;
        _train.Tick(Context);
        if (!double.IsFinite(Context.Loss)) Status = TrainingStatus.Diverged;
        else if (Context.Loss < Options.TargetLoss) Status = TrainingStatus.Converged;
        else if (Context.Epoch >= Options.MaxEpochs) Status = TrainingStatus.MaxEpochsReached;
        return Status;
    }

    /// <summary>Runs up to <paramref name="epochs"/> epochs, stopping early when training ends.</summary>
    public TrainingStatus Step(int epochs)
    {
        for (var i = 0; i < epochs && Status == TrainingStatus.Running; i++) Step();
        return Status;
    }

    /// <summary>Lets training go on past a stop (for example after it converged, in the live view).</summary>
    public void Resume()
    {
        if (Status is TrainingStatus.Converged or TrainingStatus.MaxEpochsReached) Status = TrainingStatus.Running;
    }

    /// <summary>Runs the forward pass and loss on the training batch without changing any weight.</summary>
    public (double Loss, double Accuracy) Evaluate()
    {
        var (loss, accuracy) = (Context.Loss, Context.Accuracy);
        _evaluate.Tick(Context);
        var result = (Context.Loss, Context.Accuracy);
        (Context.Loss, Context.Accuracy) = (loss, accuracy);
        return result;
    }

    /// <summary>The network's output for each training point (forward pass, no weight changes).</summary>
    public double[] PredictTraining()
    {
        var output = new double[Data.Count];
        Predict(Data.X0, Data.X1, output);
        return output;
    }

    /// <summary>The network's output for each point (x0[k], x1[k]); the world's state is not changed.</summary>
    public void Predict(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, Span<double> output) =>
        _predictor.Predict(Topology, x0, x1, output);

    /// <summary>Every neuron's activation, layer by layer, for one input point; the world's state is not changed.</summary>
    public double[][] ActivationsAt(double x0, double x1) => _predictor.Activations(Topology, x0, x1);

    /// <summary>
    /// Computes the loss and writes dL/dw and dL/db into every Weight and Bias component,
    /// without updating anything (used to check gradients).
    /// </summary>
    public double ComputeGradients()
    {
        _evaluate.Tick(Context);
        _train.Systems.OfType<BackPropagationSystem>().Single().Update(Context);
        return Context.Loss;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _train.Dispose();
        World.Dispose();
    }
}
