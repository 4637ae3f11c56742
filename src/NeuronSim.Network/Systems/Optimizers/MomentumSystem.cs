using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NeuronSim.Ecs;
using NeuronSim.Network.Model.Kernels;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// SGD with momentum, as torch.optim.SGD(momentum=mu, dampening=0): b &lt;- mu b + g, then
/// w &lt;- w - lr b, or with Nesterov w &lt;- w - lr (g + mu b). The buffer b starts at 0, which
/// gives torch's first step b = g exactly. With AVX-512 the weights go 8 at a time (the same
/// operations in the same order, so the same results).
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
            var i = Avx512F.IsSupported ? EightAtATime(MemoryMarshal.Cast<Weight, double>(w), MemoryMarshal.Cast<Velocity, double>(b)) : 0;
            for (; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref b[i].Value);
        }

        /// <summary>
        /// <see cref="Apply"/> on 8 weights per step: their grads taken out of two vectors of (value, grad)
        /// pairs, the 8 buffers one vector, the new values put back. Returns how many weights it updated.
        /// </summary>
        private int EightAtATime(Span<double> pairs, Span<double> buffers)
        {
            var (momentum, lr) = (Vector512.Create(Momentum), Vector512.Create(LearningRate));
            ref var p = ref MemoryMarshal.GetReference(pairs);
            ref var v = ref MemoryMarshal.GetReference(buffers);
            var done = buffers.Length / 8 * 8;
            for (nuint i = 0; i < (nuint)done; i += 8)
            {
                var (low, high) = (Vector512.LoadUnsafe(ref p, 2 * i), Vector512.LoadUnsafe(ref p, 2 * i + 8));
                var grad = InterleavedPairs.Take(low, high, 1);
                var buffer = Vector512.LoadUnsafe(ref v, i) * momentum + grad;
                var value = InterleavedPairs.Take(low, high, 0) - lr * (Nesterov ? grad + momentum * buffer : buffer);
                buffer.StoreUnsafe(ref v, i);
                (low, high) = InterleavedPairs.Put(low, high, value, 0);
                low.StoreUnsafe(ref p, 2 * i);
                high.StoreUnsafe(ref p, 2 * i + 8);
            }
            return done;
        }
    }
}
