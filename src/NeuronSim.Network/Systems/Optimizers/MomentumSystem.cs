using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// SGD with momentum, as torch.optim.SGD(momentum=mu, dampening=0): b &lt;- mu b + g, then
/// w &lt;- w - lr b, or with Nesterov w &lt;- w - lr (g + mu b). The buffer b starts at 0, which
/// gives torch's first step b = g exactly.
/// </summary>
public sealed class MomentumSystem(World world, bool nesterov) : BaseSystem<World, TrainingContext>(world)
{
    private readonly ParallelChunks<Step> _weights = new(world, new QueryDescription().WithAll<Weight, Velocity>().WithNone<Frozen>());
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, Velocity>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var step = new Step(context.Options.LearningRate, context.Options.Optimizer.Momentum, nesterov);
        _weights.Run(step);
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var b = chunk.GetSpan<Velocity>();
            for (var i = 0; i < w.Length; i++) w[i].Value = step.Apply(w[i].Value, w[i].Grad, ref b[i].Value);
        }
    }

    private readonly record struct Step(double LearningRate, double Momentum, bool Nesterov) : IChunkKernel
    {
        public double Apply(double value, double grad, ref double buffer)
        {
            buffer = buffer * Momentum + grad;
            return value - LearningRate * (Nesterov ? grad + Momentum * buffer : buffer);
        }

        public void Execute(Chunk chunk)
        {
            var w = chunk.GetSpan<Weight>();
            var b = chunk.GetSpan<Velocity>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref b[i].Value);
        }
    }
}
