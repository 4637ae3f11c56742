using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// RMSprop, as torch.optim.RMSprop(alpha, eps) without momentum or centring:
/// v &lt;- alpha v + (1 - alpha) g^2, w &lt;- w - lr g / (sqrt(v) + eps).
/// </summary>
public sealed class RmsPropSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private static readonly QueryDescription Weights = new QueryDescription().WithAll<Weight, SquareAverage>().WithNone<Frozen>();
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, SquareAverage>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var (lr, alpha, eps) = (context.Options.LearningRate, context.Options.Optimizer.Alpha, context.Options.Optimizer.Eps);
        foreach (var chunk in World.GetChunks(in Weights))
        {
            var w = chunk.GetSpan<Weight>();
            var v = chunk.GetSpan<SquareAverage>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Step(w[i].Value, w[i].Grad, ref v[i].Value, lr, alpha, eps);
        }
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var v = chunk.GetSpan<SquareAverage>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Step(w[i].Value, w[i].Grad, ref v[i].Value, lr, alpha, eps);
        }
    }

    private static double Step(double value, double grad, ref double square, double lr, double alpha, double eps)
    {
        square = square * alpha + (1 - alpha) * grad * grad;
        return value - lr * (grad / (Math.Sqrt(square) + eps));
    }
}
