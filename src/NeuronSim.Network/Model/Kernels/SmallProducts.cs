using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// Weighted sums of tiny products (the lab's 2-4-4-1 network), where the tiled product's set-up
/// costs more than its arithmetic: one plain loop nest, 4 rows by 8 samples in 256-bit registers
/// (by 4 for the last 4 samples of a count that is 4 past a multiple of 8).
/// </summary>
internal static class SmallProducts
{
    /// <summary>Below this many multiply-adds a weighted sum runs here.</summary>
    public const long Threshold = 4096;

    /// <summary>outputs[r][s] = init[r] + sum_k w[offset + r * rs + k * cs] * inputs[k][s] for rows [r0, r1).</summary>
    public static void WeightedSums(double[] w, int offset, int rs, int cs, double[][] inputs, double[][] outputs, double[] init, int samples, int r0, int r1)
    {
        var r = r0;
        for (; r + 4 <= r1; r += 4)
        {
            ref var o0 = ref Data(outputs[r]);
            ref var o1 = ref Data(outputs[r + 1]);
            ref var o2 = ref Data(outputs[r + 2]);
            ref var o3 = ref Data(outputs[r + 3]);
            var b0 = Vector256.Create(init.Length == 0 ? 0 : init[r]);
            var b1 = Vector256.Create(init.Length == 0 ? 0 : init[r + 1]);
            var b2 = Vector256.Create(init.Length == 0 ? 0 : init[r + 2]);
            var b3 = Vector256.Create(init.Length == 0 ? 0 : init[r + 3]);
            var s = 0;
            for (; s + BatchKernels.PaddingBlock <= samples; s += BatchKernels.PaddingBlock)
            {
                var (a00, a01, a10, a11, a20, a21, a30, a31) = (b0, b0, b1, b1, b2, b2, b3, b3);
                var wi = offset + r * rs;
                for (var k = 0; k < inputs.Length; k++, wi += cs)
                {
                    ref var x = ref Data(inputs[k]);
                    var x0 = Vector256.LoadUnsafe(ref x, (nuint)s);
                    var x1 = Vector256.LoadUnsafe(ref x, (nuint)(s + 4));
                    var w0 = Vector256.Create(w[wi]);
                    var w1 = Vector256.Create(w[wi + rs]);
                    var w2 = Vector256.Create(w[wi + 2 * rs]);
                    var w3 = Vector256.Create(w[wi + 3 * rs]);
                    a00 = Vector256.FusedMultiplyAdd(x0, w0, a00);
                    a01 = Vector256.FusedMultiplyAdd(x1, w0, a01);
                    a10 = Vector256.FusedMultiplyAdd(x0, w1, a10);
                    a11 = Vector256.FusedMultiplyAdd(x1, w1, a11);
                    a20 = Vector256.FusedMultiplyAdd(x0, w2, a20);
                    a21 = Vector256.FusedMultiplyAdd(x1, w2, a21);
                    a30 = Vector256.FusedMultiplyAdd(x0, w3, a30);
                    a31 = Vector256.FusedMultiplyAdd(x1, w3, a31);
                }
                Store(a00, a01, ref o0, s);
                Store(a10, a11, ref o1, s);
                Store(a20, a21, ref o2, s);
                Store(a30, a31, ref o3, s);
            }
            if (s < samples)
            {
                var (a0, a1, a2, a3) = (b0, b1, b2, b3);
                var wi = offset + r * rs;
                for (var k = 0; k < inputs.Length; k++, wi += cs)
                {
                    var x = Vector256.LoadUnsafe(ref Data(inputs[k]), (nuint)s);
                    a0 = Vector256.FusedMultiplyAdd(x, Vector256.Create(w[wi]), a0);
                    a1 = Vector256.FusedMultiplyAdd(x, Vector256.Create(w[wi + rs]), a1);
                    a2 = Vector256.FusedMultiplyAdd(x, Vector256.Create(w[wi + 2 * rs]), a2);
                    a3 = Vector256.FusedMultiplyAdd(x, Vector256.Create(w[wi + 3 * rs]), a3);
                }
                a0.StoreUnsafe(ref o0, (nuint)s);
                a1.StoreUnsafe(ref o1, (nuint)s);
                a2.StoreUnsafe(ref o2, (nuint)s);
                a3.StoreUnsafe(ref o3, (nuint)s);
            }
        }
        for (; r < r1; r++)
        {
            ref var o = ref Data(outputs[r]);
            var b = Vector256.Create(init.Length == 0 ? 0 : init[r]);
            var s = 0;
            for (; s + BatchKernels.PaddingBlock <= samples; s += BatchKernels.PaddingBlock)
            {
                var (a0, a1) = (b, b);
                var wi = offset + r * rs;
                for (var k = 0; k < inputs.Length; k++, wi += cs)
                {
                    ref var x = ref Data(inputs[k]);
                    var wk = Vector256.Create(w[wi]);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)s), wk, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)(s + 4)), wk, a1);
                }
                Store(a0, a1, ref o, s);
            }
            if (s < samples)
            {
                var a = b;
                var wi = offset + r * rs;
                for (var k = 0; k < inputs.Length; k++, wi += cs) a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Data(inputs[k]), (nuint)s), Vector256.Create(w[wi]), a);
                a.StoreUnsafe(ref o, (nuint)s);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Data(double[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> low, Vector256<double> high, ref double destination, int s)
    {
        low.StoreUnsafe(ref destination, (nuint)s);
        high.StoreUnsafe(ref destination, (nuint)(s + 4));
    }
}
