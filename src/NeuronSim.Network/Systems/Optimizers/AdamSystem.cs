using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Adam with bias correction, as torch.optim.Adam(betas=(beta1, beta2), eps), at step t (from 1):
/// m &lt;- m + (1 - beta1)(g - m), v &lt;- beta2 v + (1 - beta2) g^2,
/// w &lt;- w - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
/// </summary>
public sealed class AdamSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private readonly ParallelChunks<AdamStep> _weights = new(world, new QueryDescription().WithAll<Weight, AdamMoments>().WithNone<Frozen>());
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, AdamMoments>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var settings = context.Options.Optimizer;
        var t = ++context.OptimizerSteps;
        var step = new AdamStep(settings.Beta1, settings.Beta2, settings.Eps,
            context.Options.LearningRate / (1 - Math.Pow(settings.Beta1, t)), Math.Sqrt(1 - Math.Pow(settings.Beta2, t)));
        _weights.Run(step);
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var m = chunk.GetSpan<AdamMoments>();
            for (var i = 0; i < w.Length; i++) w[i].Value = step.Apply(w[i].Value, w[i].Grad, ref m[i]);
        }
    }

    private readonly record struct AdamStep(double Beta1, double Beta2, double Eps, double StepSize, double BiasCorrection2Sqrt) : IChunkKernel
    {
        public void Execute(Chunk chunk)
        {
            var w = chunk.GetSpan<Weight>();
            var m = chunk.GetSpan<AdamMoments>();
            var i = Vector512.IsHardwareAccelerated ? ApplyFourAtATime(w, m) : 0;
            for (; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref m[i]);
        }

        public double Apply(double value, double grad, ref AdamMoments moments)
        {
            moments.ExpAvg += (1 - Beta1) * (grad - moments.ExpAvg);
            moments.ExpAvgSq = moments.ExpAvgSq * Beta2 + (1 - Beta2) * grad * grad;
            return value - StepSize * (moments.ExpAvg / (Math.Sqrt(moments.ExpAvgSq) / BiasCorrection2Sqrt + Eps));
        }

        /// <summary>
        /// <see cref="Apply"/> on 4 entities per 512-bit vector, the same operations in the same order (so
        /// the same results): a vector holds 4 (value, grad) pairs and another 4 (m, v) pairs; each pair's
        /// g, m and v are spread over both of its lanes, and the even lanes keep the value and m, the odd
        /// ones the grad and v. Returns how many entities it updated (a multiple of 4).
        /// </summary>
        private int ApplyFourAtATime(Span<Weight> weights, Span<AdamMoments> moments)
        {
            var wd = MemoryMarshal.Cast<Weight, double>(weights);
            var md = MemoryMarshal.Cast<AdamMoments, double>(moments);
            var (odd, even, evenLanes) = (PairedLanes.Seconds, PairedLanes.Firsts, PairedLanes.FirstLanes);
            var (b2, c1, c2) = (Vector512.Create(Beta2), Vector512.Create(1 - Beta1), Vector512.Create(1 - Beta2));
            var (step, correction, eps) = (Vector512.Create(StepSize), Vector512.Create(BiasCorrection2Sqrt), Vector512.Create(Eps));
            var done = weights.Length / 4 * 4;
            for (var k = 0; k < done * 2; k += 8)
            {
                var w = Vector512.Create((ReadOnlySpan<double>)wd.Slice(k, 8));
                var mv = Vector512.Create((ReadOnlySpan<double>)md.Slice(k, 8));
                var g = Vector512.Shuffle(w, odd);
                var m = Vector512.Shuffle(mv, even);
                var v = Vector512.Shuffle(mv, odd);
                m += c1 * (g - m);
                v = v * b2 + c2 * g * g;
                var value = w - step * (m / (Vector512.Sqrt(v) / correction + eps));
                Vector512.ConditionalSelect(evenLanes, m, v).CopyTo(md.Slice(k, 8));
                Vector512.ConditionalSelect(evenLanes, value, w).CopyTo(wd.Slice(k, 8));
            }
            return done;
        }
    }
}
