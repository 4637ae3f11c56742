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
        var n = test.Count;
        if (_output.Length != n) (_output, _logit) = (new double[n], new double[n]);
        _predictor.Predict(context.Topology, test.X0, test.X1, _output, _logit);
        context.TestLoss = context.LossFunction.Sum(_output, _logit, test.Labels) / n;
        var correct = 0;
        for (var k = 0; k < n; k++)
        {
            if (Classification.IsCorrect(_output[k], test.Labels[k])) correct++;
        }
        context.TestAccuracy = (double)correct / n;
        context.TestLossHistory.Add(context.TestLoss);
    }
}
