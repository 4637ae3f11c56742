using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Counts the epoch and records its loss and accuracy.</summary>
public sealed class MetricsSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        context.Epoch++;
        context.LossHistory.Add(context.Loss);
        context.AccuracyHistory.Add(context.Accuracy);
    }
}
