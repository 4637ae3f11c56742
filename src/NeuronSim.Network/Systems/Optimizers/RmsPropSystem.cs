using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            var i = Vector512.IsHardwareAccelerated ? ApplyFourAtATime(w, v) : 0;
            for (; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref v[i].Value);
        }

        /// <summary>
        /// <see cref="Apply"/> on 4 entities per 512-bit vector, the same operations in the same order (so the
        /// same results): a vector holds 4 (value, grad) pairs; each pair's g and v are spread over both of its
        /// lanes, the even lanes keep the value. Returns how many entities it updated (a multiple of 4).
        /// </summary>
        private int ApplyFourAtATime(Span<Weight> weights, Span<SquareAverage> squares)
        {
            var wd = MemoryMarshal.Cast<Weight, double>(weights);
            var sd = MemoryMarshal.Cast<SquareAverage, double>(squares);
            var (odd, evenLanes) = (PairedLanes.Seconds, PairedLanes.FirstLanes);
            var pairs = Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3);
            var evens = Vector512.Create(0L, 2, 4, 6, 0, 2, 4, 6);
            var (alpha, rest, lr, eps) = (Vector512.Create(Alpha), Vector512.Create(1 - Alpha), Vector512.Create(LearningRate), Vector512.Create(Eps));
            var done = weights.Length / 4 * 4;
            for (var k = 0; k < done; k += 4)
            {
                var w = Vector512.Create((ReadOnlySpan<double>)wd.Slice(2 * k, 8));
                var four = Vector256.Create((ReadOnlySpan<double>)sd.Slice(k, 4));
                var g = Vector512.Shuffle(w, odd);
                var square = Vector512.Shuffle(Vector512.Create(four, four), pairs);
                square = square * alpha + rest * g * g;
                var value = w - lr * (g / (Vector512.Sqrt(square) + eps));
                Vector512.Shuffle(square, evens).GetLower().CopyTo(sd.Slice(k, 4));
                Vector512.ConditionalSelect(evenLanes, value, w).CopyTo(wd.Slice(2 * k, 8));
            }
            return done;
        }
    }
}
