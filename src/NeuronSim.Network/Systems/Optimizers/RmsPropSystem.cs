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
    private readonly ParallelChunks<Step> _weights = new(world, new QueryDescription().WithAll<Weight, SquareAverage>().WithNone<Frozen>());
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, SquareAverage>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var step = new Step(context.Options.LearningRate, context.Options.Optimizer.Alpha, context.Options.Optimizer.Eps);
        _weights.Run(step);
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var v = chunk.GetSpan<SquareAverage>();
            for (var i = 0; i < w.Length; i++) w[i].Value = step.Apply(w[i].Value, w[i].Grad, ref v[i].Value);
        }
    }

    private readonly record struct Step(double LearningRate, double Alpha, double Eps) : IChunkKernel
    {
        public double Apply(double value, double grad, ref double square)
        {
            square = square * Alpha + (1 - Alpha) * grad * grad;
            return value - LearningRate * (grad / (Math.Sqrt(square) + Eps));
        }

        public void Execute(Chunk chunk)
        {
            var w = chunk.GetSpan<Weight>();
            var v = chunk.GetSpan<SquareAverage>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref v[i].Value);
        }
    }
}
