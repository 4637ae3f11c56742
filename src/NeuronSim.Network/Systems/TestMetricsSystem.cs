using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// After each epoch, when a held-out test set exists: the network's data loss and accuracy on the
/// test points, from a forward pass of its own (no weight or neuron state changes), recorded per epoch.
/// </summary>
public sealed class TestMetricsSystem(World world, FeatureSet features) : BaseSystem<World, TrainingContext>(world)
{
    private readonly Predictor _predictor = new(features);
    private double[] _output = [];
    private double[] _logit = [];

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        if (context.Test is not { } test || !context.Schedule.EndsEpoch) return;
        if (_output.Length != test.Count) (_output, _logit) = (new double[test.Count], new double[test.Count]);
        (context.TestLoss, context.TestAccuracy) = _predictor.Measure(context.Topology, test, context.LossFunction, _output, _logit);
        context.TestLossHistory.Add(context.TestLoss);
    }
}
