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
    private static readonly QueryDescription Weights = new QueryDescription().WithAll<Weight, Velocity>().WithNone<Frozen>();
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, Velocity>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var (lr, mu) = (context.Options.LearningRate, context.Options.Optimizer.Momentum);
        foreach (var chunk in World.GetChunks(in Weights))
        {
            var w = chunk.GetSpan<Weight>();
            var b = chunk.GetSpan<Velocity>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Step(w[i].Value, w[i].Grad, ref b[i].Value, lr, mu);
        }
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var b = chunk.GetSpan<Velocity>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Step(w[i].Value, w[i].Grad, ref b[i].Value, lr, mu);
        }
    }

    private double Step(double value, double grad, ref double buffer, double lr, double mu)
    {
        buffer = buffer * mu + grad;
        return value - lr * (nesterov ? grad + mu * buffer : buffer);
    }
}
