using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Plain gradient descent on every weight and bias entity that is not frozen: w -= lr * dL/dw.</summary>
public sealed class SgdSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private static readonly QueryDescription Weights = new QueryDescription().WithAll<Weight>().WithNone<Frozen>();
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var lr = context.Options.LearningRate;
        foreach (var chunk in World.GetChunks(in Weights))
        {
            foreach (ref var w in chunk.GetSpan<Weight>()) w.Value -= lr * w.Grad;
        }
        foreach (var chunk in World.GetChunks(in Biases))
        {
            foreach (ref var b in chunk.GetSpan<Bias>()) b.Value -= lr * b.Grad;
        }
    }
}
