using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// The batch's data loss from the loss table, L = (1/k) sum l(y_hat, y) over its k points, and how
/// many it predicts right (<see cref="Classification"/>: a NaN or infinite output counts as wrong).
/// </summary>
public sealed class LossSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var k = context.Samples;
        var topology = context.Topology;
        var prediction = topology.Output.Out[0].AsSpan(0, k);
        var labels = context.BatchLabels.AsSpan(0, k);
        context.BatchLoss = context.LossFunction.Sum(prediction, topology.OutputLogit.AsSpan(0, k), labels) / k;
        var correct = 0;
        for (var s = 0; s < k; s++)
        {
            if (Classification.IsCorrect(prediction[s], labels[s])) correct++;
        }
        context.BatchCorrect = correct;
    }
}
