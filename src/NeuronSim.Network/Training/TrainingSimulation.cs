using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// A network learning a data set: an ECS world holding the network's entities and the systems that
/// run each tick. A tick is one optimizer step on one batch:
/// FeedInput -> GatherParameters -> ForwardPropagation -> Loss -> BackPropagation -> ScatterGradients
/// -> Regularization -> Optimizer -> Metrics (see <see cref="TrainingPipeline"/>, built from the options).
/// <see cref="Step()"/> runs the ticks of one epoch, a pass over the training data.
/// </summary>
public sealed class TrainingSimulation : IDisposable
{
    private TrainingPipeline _pipeline;
    private readonly Predictor _predictor;
    /// <summary>The topology whose forward pass the neurons' state holds for the current weights, or null: a step may reuse it.</summary>
    private NetworkTopology? _evaluatedOn;

    /// <summary>
    /// Builds the network of <paramref name="spec"/> in a new world, ready to learn <paramref name="data"/>
    /// (its features as <paramref name="spec"/> names them) and, when given, to be measured on the held-out <paramref name="test"/> points after every epoch.
    /// </summary>
    /// <exception cref="ArgumentException">The spec or the options are out of range, or do not fit together or the data.</exception>
    public TrainingSimulation(NetworkSpec spec, DataSet data, TrainingOptions? options = null, DataSet? test = null)
    {
        options ??= new TrainingOptions();
        options.Validate();
        options.ValidateFor(data.Count);
        spec.Validate();
        CheckLoss(spec, options);
        Spec = spec;
        World = NeuronSim.Ecs.World.Create();
        NetworkBuilder.Build(World, spec, data.Count);
        _predictor = new Predictor(spec.Features);
        _pipeline = new TrainingPipeline(World, options, spec.Features, test is not null);
        Context = new TrainingContext(World, data, test, spec.Features, options);
        // The untrained network's forward pass, loss and accuracy (epoch 0) are there from the start.
        (Context.Loss, Context.Accuracy) = Evaluate();
    }

    /// <summary>The network's shape and seed (it follows edits: <see cref="Editing.NetworkEditor"/>).</summary>
    public NetworkSpec Spec { get; private set; }

    /// <summary>The world holding the network's entities.</summary>
    public World World { get; }

    /// <summary>The state the systems share: epoch, loss, accuracy, histories.</summary>
    public TrainingContext Context { get; }

    /// <summary>The systems of a tick, in their groups.</summary>
    public TrainingPipeline Pipeline => _pipeline;

    /// <summary>The training data.</summary>
    public DataSet Data => Context.Data;

    /// <summary>The training options.</summary>
    public TrainingOptions Options => Context.Options;

    /// <summary>Epochs completed.</summary>
    public int Epoch => Context.Epoch;

    /// <summary>The data loss of the network as it stands, on every training point.</summary>
    public double Loss => Context.Loss;

    /// <summary>The accuracy belonging to <see cref="Loss"/>.</summary>
    public double Accuracy => Context.Accuracy;

    /// <summary>The network resolved into layers.</summary>
    public NetworkTopology Topology => Context.Topology;

    /// <summary>Where training stands.</summary>
    public TrainingStatus Status { get; private set; } = TrainingStatus.Running;

    /// <summary>
    /// Runs one epoch unless training has ended; returns the status after it. The stop rule: the loss
    /// is NaN or infinite (diverged), below the target (converged: with the full batch the network
    /// that met the target is the one kept, as the loss is measured after the step), or the epoch
    /// limit is reached.
    /// </summary>
    public TrainingStatus Step()
    {
        if (Status != TrainingStatus.Running) return Status;
        if (Context.Schedule.FullBatch)
        {
            if (!ReferenceEquals(_evaluatedOn, Context.Topology)) _pipeline.Evaluate.Tick(Context);
            Learn();
            // The forward pass of the network after the step: it judges the stop rule now and is the
            // next step's forward pass (one forward pass per epoch, not two).
            (Context.Loss, Context.Accuracy) = EvaluateBatch();
            _evaluatedOn = Context.Topology;
            return Status = Judge();
        }
        do
        {
            _pipeline.Evaluate.Tick(Context);
            if (!double.IsFinite(Context.BatchLoss)) return Status = TrainingStatus.Diverged;
            Learn();
        }
        while (!Context.Schedule.EndsEpoch);
        // The history keeps the epoch's mean batch loss; the stop rule judges the network as it now
        // is, on every point, so a converged run's network is one that meets the target.
        (Context.Loss, Context.Accuracy) = Evaluate();
        return Status = Judge();
    }

    /// <summary>
    /// The one stepping loop every driver uses (train, experiments, the window): runs up to
    /// <paramref name="epochs"/> epochs, stopping early when training ends (the stop rule of
    /// <see cref="Step()"/>) or <paramref name="cancel"/> fires; <paramref name="afterEpoch"/> runs after each epoch.
    /// </summary>
    public TrainingStatus Step(int epochs, CancellationToken cancel = default, Action<TrainingSimulation>? afterEpoch = null)
    {
        for (var i = 0; i < epochs && Status == TrainingStatus.Running && !cancel.IsCancellationRequested; i++)
        {
            Step();
            afterEpoch?.Invoke(this);
        }
        return Status;
    }

    /// <summary>
    /// After the network, epoch and loss were set from outside (a restored checkpoint): the status the stop rule
    /// gives them, so a run saved once it had converged or reached its epoch limit is not trained one epoch further
    /// (<see cref="Resume"/> lets it go on).
    /// </summary>
    public TrainingStatus JudgeRestored() => Status = Judge();

    /// <summary>
    /// Trains on under <paramref name="options"/> from here (a live change of optimizer, batch size,
    /// regularization or loss): the same network, epoch count and histories, the tick's systems rebuilt
    /// from the new options, the batch orders of the coming epochs as a run with them from the start
    /// would draw. A changed optimizer starts from zero state at step 1, as a new torch.optim optimizer does.
    /// </summary>
    /// <exception cref="ArgumentException">The options are out of range or do not fit the network or the data (nothing changes).</exception>
    public void ChangeOptions(TrainingOptions options)
    {
        options.Validate();
        options.ValidateFor(Data.Count);
        CheckLoss(Spec, options);
        var newOptimizer = options.Optimizer.Kind != Options.Optimizer.Kind;
        _pipeline.Dispose();
        _pipeline = new TrainingPipeline(World, options, Spec.Features, Test is not null);
        if (newOptimizer)
        {
            Systems.Optimizers.ClearState(World);
            Context.OptimizerSteps = 0;
        }
        Context.ChangeOptions(options);
        _evaluatedOn = null;
        Resume();
    }

    private static void CheckLoss(NetworkSpec spec, TrainingOptions options)
    {
        var loss = Losses.Of(options.Loss);
        if (loss.RequiredOutput is { } required && spec.OutputActivation != required)
        {
            throw new ArgumentException($"--loss {loss.Name} needs a {Activations.NameOf(required)} output, got --output-activation {Activations.NameOf(spec.OutputActivation)}");
        }
    }

    /// <summary>Lets training go on past a stop (for example after it converged, in the live view).</summary>
    public void Resume()
    {
        if (Status is TrainingStatus.Converged or TrainingStatus.MaxEpochsReached) Status = TrainingStatus.Running;
    }

    /// <summary>Says that weights or biases were changed from outside the systems (a load, an edit), so the next step measures them anew.</summary>
    public void ParametersChanged() => _evaluatedOn = null;

    /// <summary>After entities were created or destroyed: new weights and biases get the optimizer's state, and the next step measures the network anew.</summary>
    public void StructureChanged()
    {
        Systems.Optimizers.Of(Options.Optimizer.Kind).AddState(World);
        _evaluatedOn = null;
    }

    /// <summary>Records the network's new shape after an edit (the entities already have it).</summary>
    internal void Reshape(NetworkSpec spec)
    {
        spec.Validate();
        Spec = spec;
    }

    /// <summary>Runs the forward pass and loss on every training point without changing any weight; the neurons' state then holds that pass.</summary>
    public (double Loss, double Accuracy) Evaluate()
    {
        Context.FeedAllPoints = true;
        try
        {
            return EvaluateBatch();
        }
        finally
        {
            Context.FeedAllPoints = false;
            _evaluatedOn = Context.Schedule.FullBatch ? Context.Topology : null;
        }
    }

    /// <summary>The data loss and accuracy of the network as it is on <paramref name="points"/> (a test set), without touching the world's state.</summary>
    public (double Loss, double Accuracy) Measure(DataSet points) =>
        _predictor.Measure(Topology, points, Context.LossFunction, new double[points.Count], new double[points.Count]);

    /// <summary>The network's output for each training point (forward pass, no weight changes).</summary>
    public double[] PredictTraining()
    {
        var output = new double[Data.Count];
        Predict(Data.X0, Data.X1, output);
        return output;
    }

    /// <summary>The held-out test points, or null when "test" is the training set.</summary>
    public DataSet? Test => Context.Test;

    /// <summary>The network's output for each point (x0[k], x1[k]), from the point's features; the world's state is not changed.</summary>
    public void Predict(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, Span<double> output) =>
        _predictor.Predict(Topology, x0, x1, output);

    /// <summary>Every neuron's activation, layer by layer, for one input point; the world's state is not changed.</summary>
    public double[][] ActivationsAt(double x0, double x1) => _predictor.Activations(Topology, x0, x1);

    /// <summary>
    /// Computes the loss on every training point and writes dL/dw and dL/db (with the regularization
    /// penalty's share) into every Weight and Bias component, without updating anything: the
    /// evaluate and gradients groups (used to check gradients).
    /// </summary>
    public double ComputeGradients()
    {
        var (loss, _) = Evaluate();
        _pipeline.Gradients.Tick(Context);
        return loss;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pipeline.Dispose();
        World.Dispose();
    }

    private (double Loss, double Accuracy) EvaluateBatch()
    {
        _pipeline.Evaluate.Tick(Context);
        return (Context.BatchLoss, (double)Context.BatchCorrect / Context.Samples);
    }

    private void Learn()
    {
        _pipeline.Gradients.Tick(Context);
        _pipeline.Update.Tick(Context);
        _evaluatedOn = null;
    }

    private TrainingStatus Judge()
    {
        if (!double.IsFinite(Context.Loss)) return TrainingStatus.Diverged;
        if (Context.Loss < Options.TargetLoss) return TrainingStatus.Converged;
        return Context.Epoch >= Options.MaxEpochs ? TrainingStatus.MaxEpochsReached : TrainingStatus.Running;
    }
}
