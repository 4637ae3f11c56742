using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Plain gradient descent on every weight and bias entity that is not frozen: w -= lr * dL/dw.</summary>
public sealed class SgdSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private readonly ParallelChunks<Step> _weights = new(world, new QueryDescription().WithAll<Weight>().WithNone<Frozen>());
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var lr = context.Options.LearningRate;
        _weights.Run(new Step(lr));
        foreach (var chunk in World.GetChunks(in Biases))
        {
            foreach (ref var b in chunk.GetSpan<Bias>()) b.Value -= lr * b.Grad;
        }
    }

    private readonly record struct Step(double LearningRate) : IChunkKernel
    {
        public void Execute(Chunk chunk)
        {
            foreach (ref var w in chunk.GetSpan<Weight>()) w.Value -= LearningRate * w.Grad;
        }
    }
}
