using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>L = (1/n) sum (y - y_hat)^2 over the batch, and the accuracy (<see cref="Classification"/>: a NaN or infinite output counts as wrong).</summary>
public sealed class LossSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var prediction = context.Topology.Output.Out[0];
        var labels = context.Data.Labels;
        double sum = 0;
        var correct = 0;
        for (var s = 0; s < labels.Length; s++)
        {
            var error = labels[s] - prediction[s];
            sum += error * error;
            if (Classification.IsCorrect(prediction[s], labels[s])) correct++;
        }
        context.Loss = sum / labels.Length;
        context.Accuracy = (double)correct / labels.Length;
    }
}
