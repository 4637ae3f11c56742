using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Systems;

namespace NeuronSim.Network.Training;

/// <summary>
/// The tick's systems, built from the options, in three named groups:
/// evaluate (FeedInput -> GatherParameters -> ForwardPropagation -> Loss),
/// gradients (BackPropagation -> ScatterGradients -> Regularization, when on) and
/// update (the optimizer's system -> Metrics -> TestMetrics, with a held-out test set).
/// </summary>
public sealed class TrainingPipeline : IDisposable
{
    /// <summary>
    /// The systems of <paramref name="options"/>, on <paramref name="world"/> (with test metrics when
    /// <paramref name="hasTest"/>); adds the optimizer's state components to the parameters.
    /// </summary>
    public TrainingPipeline(World world, TrainingOptions options, FeatureSet features, bool hasTest)
    {
        var optimizer = Systems.Optimizers.Of(options.Optimizer.Kind);
        optimizer.AddState(world);
        Evaluate = new SystemGroup<TrainingContext>("evaluate",
            new FeedInputSystem(world), new GatherParametersSystem(world), new ForwardPropagationSystem(world), new LossSystem(world));
        Gradients = new SystemGroup<TrainingContext>("gradients",
        [
            new BackPropagationSystem(world), new ScatterGradientsSystem(world),
            .. options.Regularized ? [new RegularizationSystem(world)] : Array.Empty<ISystem<TrainingContext>>(),
        ]);
        Update = new SystemGroup<TrainingContext>("update",
        [
            optimizer.CreateSystem(world), new MetricsSystem(world),
            .. hasTest ? [new TestMetricsSystem(world, features)] : Array.Empty<ISystem<TrainingContext>>(),
        ]);
        foreach (var group in Groups) group.Initialize();
    }

    /// <summary>Feeds a batch (or every point) and measures the loss of the network as it is.</summary>
    public SystemGroup<TrainingContext> Evaluate { get; }

    /// <summary>Computes dL/dw and dL/db of the batch just evaluated (plus the penalty's) into the components.</summary>
    public SystemGroup<TrainingContext> Gradients { get; }

    /// <summary>Applies the optimizer's step, then counts the batch in the epoch's metrics.</summary>
    public SystemGroup<TrainingContext> Update { get; }

    /// <summary>The groups in tick order.</summary>
    public IEnumerable<SystemGroup<TrainingContext>> Groups => [Evaluate, Gradients, Update];

    /// <summary>Every system's name, in tick order: the tick as it reads.</summary>
    public IEnumerable<string> SystemNames => Groups.SelectMany(g => g.Systems).Select(s => s.GetType().Name.Replace("System", ""));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var group in Groups) group.Dispose();
    }
}
