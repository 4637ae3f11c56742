using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Plain gradient descent on every weight and bias entity that is not frozen: w -= lr * dL/dw.
/// The weights go 4 per 512-bit vector of (value, grad) pairs where the CPU has them.
/// </summary>
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
            var weights = chunk.GetSpan<Weight>();
            var i = Vector512.IsHardwareAccelerated ? FourAtATime(MemoryMarshal.Cast<Weight, double>(weights)) : 0;
            for (; i < weights.Length; i++) weights[i].Value -= LearningRate * weights[i].Grad;
        }

        /// <summary>
        /// The same update on 4 (value, grad) pairs per vector: each grad spread over its pair's
        /// lanes, the value lanes updated and the grad lanes kept. Returns how many weights it updated.
        /// </summary>
        private int FourAtATime(Span<double> pairs)
        {
            var (grads, values, lr) = (PairedLanes.Seconds, PairedLanes.FirstLanes, Vector512.Create(LearningRate));
            ref var p = ref MemoryMarshal.GetReference(pairs);
            var done = pairs.Length / 8 * 8;
            for (nuint k = 0; k < (nuint)done; k += 8)
            {
                var w = Vector512.LoadUnsafe(ref p, k);
                Vector512.ConditionalSelect(values, w - lr * Vector512.Shuffle(w, grads), w).StoreUnsafe(ref p, k);
            }
            return done / 2;
        }
    }
}
