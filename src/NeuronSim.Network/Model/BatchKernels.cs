using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model;

/// <summary>
/// The two matrix products of a layer, over per-neuron sample vectors padded to a multiple of
/// <see cref="Lane"/> doubles: weighted sums (forward z = W a, backward dL/da = W^T delta) and
/// gradient dot products (dL/dW = delta a^T). Register-blocked with 256-bit vectors; large
/// layers are split across the cores by rows.
/// </summary>
public static class BatchKernels
{
    /// <summary>Sample vectors are padded to a multiple of this many doubles (two 256-bit vectors).</summary>
    public const int Lane = 8;

    /// <summary>Below this many multiply-adds a product runs on one core.</summary>
    public const long ParallelThreshold = 200_000;

    /// <summary><paramref name="samples"/> rounded up to a multiple of <see cref="Lane"/>.</summary>
    public static int Padded(int samples) => (samples + Lane - 1) / Lane * Lane;

    /// <summary>
    /// outputs[r][s] = init[r] + sum_k w[offset + r * rowStride + k * colStride] * inputs[k][s] for every
    /// output row r and every sample s of the padded length (init may be empty: 0).
    /// </summary>
    public static void WeightedSums(double[] w, int offset, int rowStride, int colStride, double[][] inputs, double[][] outputs, double[] init, int paddedSamples)
    {
        CheckLengths(paddedSamples, inputs, outputs);
        var rows = outputs.Length;
        var work = (long)rows * inputs.Length * paddedSamples;
        if (work < ParallelThreshold || rows < 8)
        {
            WeightedSumsRows(w, offset, rowStride, colStride, inputs, outputs, init, paddedSamples, 0, rows);
            return;
        }
        WeightedSumsOnTwoCores(w, offset, rowStride, colStride, inputs, outputs, init, paddedSamples);
    }

    /// <summary>
    /// grads[offset + j * inputs.Length + i] = sum_s deltas[j][s] * inputs[i][s] over the padded length
    /// (padding holds zero deltas, so it adds nothing).
    /// </summary>
    public static void GradientDots(double[][] deltas, double[][] inputs, double[] grads, int offset, int paddedSamples)
    {
        CheckLengths(paddedSamples, deltas, inputs);
        var rows = deltas.Length;
        var work = (long)rows * inputs.Length * paddedSamples;
        if (work < ParallelThreshold || rows < 8)
        {
            GradientDotsRows(deltas, inputs, grads, offset, paddedSamples, 0, rows);
            return;
        }
        GradientDotsOnTwoCores(deltas, inputs, grads, offset, paddedSamples);
    }

    // The two-core paths hand their arguments to a job object kept per calling thread, so a
    // tick allocates nothing; the halves split the rows at a multiple of 4.
    [ThreadStatic] private static WeightedSumsJob? t_sums;
    [ThreadStatic] private static GradientDotsJob? t_dots;

    private static void WeightedSumsOnTwoCores(double[] w, int offset, int rs, int cs, double[][] inputs, double[][] outputs, double[] init, int samples)
    {
        var job = t_sums ??= new WeightedSumsJob();
        (job.W, job.Offset, job.RowStride, job.ColStride, job.Inputs, job.Outputs, job.Init, job.Samples) = (w, offset, rs, cs, inputs, outputs, init, samples);
        CoreSplitter.Run(job);
        (job.W, job.Inputs, job.Outputs, job.Init) = (null!, null!, null!, null!);
    }

    private static void GradientDotsOnTwoCores(double[][] deltas, double[][] inputs, double[] grads, int offset, int samples)
    {
        var job = t_dots ??= new GradientDotsJob();
        (job.Deltas, job.Inputs, job.Grads, job.Offset, job.Samples) = (deltas, inputs, grads, offset, samples);
        CoreSplitter.Run(job);
        (job.Deltas, job.Inputs, job.Grads) = (null!, null!, null!);
    }

    private static (int Start, int End) Half(int rows, int half) => half == 0 ? (0, rows / 2 / 4 * 4) : (rows / 2 / 4 * 4, rows);

    private sealed class WeightedSumsJob : ISplitWork
    {
        public double[] W = null!;
        public double[][] Inputs = null!;
        public double[][] Outputs = null!;
        public double[] Init = null!;
        public int Offset;
        public int RowStride;
        public int ColStride;
        public int Samples;

        public void Run(int half)
        {
            var (start, end) = Half(Outputs.Length, half);
            WeightedSumsRows(W, Offset, RowStride, ColStride, Inputs, Outputs, Init, Samples, start, end);
        }
    }

    private sealed class GradientDotsJob : ISplitWork
    {
        public double[][] Deltas = null!;
        public double[][] Inputs = null!;
        public double[] Grads = null!;
        public int Offset;
        public int Samples;

        public void Run(int half)
        {
            var (start, end) = Half(Deltas.Length, half);
            GradientDotsRows(Deltas, Inputs, Grads, Offset, Samples, start, end);
        }
    }

    private static void WeightedSumsRows(double[] w, int offset, int rs, int cs, double[][] inputs, double[][] outputs, double[] init, int samples, int r0, int r1)
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
            for (var s = 0; s < samples; s += Lane)
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
        }
        for (; r < r1; r++)
        {
            ref var o = ref Data(outputs[r]);
            var b = Vector256.Create(init.Length == 0 ? 0 : init[r]);
            for (var s = 0; s < samples; s += Lane)
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
        }
    }

    private static void GradientDotsRows(double[][] deltas, double[][] inputs, double[] grads, int offset, int samples, int r0, int r1)
    {
        var fanIn = inputs.Length;
        var j = r0;
        for (; j + 4 <= r1; j += 4)
        {
            ref var d0 = ref Data(deltas[j]);
            ref var d1 = ref Data(deltas[j + 1]);
            ref var d2 = ref Data(deltas[j + 2]);
            ref var d3 = ref Data(deltas[j + 3]);
            var i = 0;
            for (; i + 2 <= fanIn; i += 2)
            {
                ref var x = ref Data(inputs[i]);
                ref var y = ref Data(inputs[i + 1]);
                Vector256<double> a0x = default, a1x = default, a2x = default, a3x = default;
                Vector256<double> a0y = default, a1y = default, a2y = default, a3y = default;
                for (var s = 0; s < samples; s += 4)
                {
                    var vx = Vector256.LoadUnsafe(ref x, (nuint)s);
                    var vy = Vector256.LoadUnsafe(ref y, (nuint)s);
                    var v0 = Vector256.LoadUnsafe(ref d0, (nuint)s);
                    var v1 = Vector256.LoadUnsafe(ref d1, (nuint)s);
                    var v2 = Vector256.LoadUnsafe(ref d2, (nuint)s);
                    var v3 = Vector256.LoadUnsafe(ref d3, (nuint)s);
                    a0x = Vector256.FusedMultiplyAdd(v0, vx, a0x);
                    a1x = Vector256.FusedMultiplyAdd(v1, vx, a1x);
                    a2x = Vector256.FusedMultiplyAdd(v2, vx, a2x);
                    a3x = Vector256.FusedMultiplyAdd(v3, vx, a3x);
                    a0y = Vector256.FusedMultiplyAdd(v0, vy, a0y);
                    a1y = Vector256.FusedMultiplyAdd(v1, vy, a1y);
                    a2y = Vector256.FusedMultiplyAdd(v2, vy, a2y);
                    a3y = Vector256.FusedMultiplyAdd(v3, vy, a3y);
                }
                var g = offset + j * fanIn + i;
                (grads[g], grads[g + 1]) = (Vector256.Sum(a0x), Vector256.Sum(a0y));
                (grads[g + fanIn], grads[g + fanIn + 1]) = (Vector256.Sum(a1x), Vector256.Sum(a1y));
                (grads[g + 2 * fanIn], grads[g + 2 * fanIn + 1]) = (Vector256.Sum(a2x), Vector256.Sum(a2y));
                (grads[g + 3 * fanIn], grads[g + 3 * fanIn + 1]) = (Vector256.Sum(a3x), Vector256.Sum(a3y));
            }
            for (; i < fanIn; i++)
            {
                for (var r = 0; r < 4; r++) grads[offset + (j + r) * fanIn + i] = Dot(deltas[j + r], inputs[i], samples);
            }
        }
        for (; j < r1; j++)
        {
            for (var i = 0; i < fanIn; i++) grads[offset + j * fanIn + i] = Dot(deltas[j], inputs[i], samples);
        }
    }

    /// <summary>The loops read without bounds checks, so every vector must hold the padded length.</summary>
    private static void CheckLengths(int paddedSamples, double[][] first, double[][] second)
    {
        if (paddedSamples % Lane != 0) throw new ArgumentException($"the sample count {paddedSamples} is not padded to a multiple of {Lane}");
        foreach (var vector in first) ArgumentOutOfRangeException.ThrowIfLessThan(vector.Length, paddedSamples);
        foreach (var vector in second) ArgumentOutOfRangeException.ThrowIfLessThan(vector.Length, paddedSamples);
    }

    private static double Dot(double[] a, double[] b, int samples) => TensorPrimitives.Dot(a.AsSpan(0, samples), b.AsSpan(0, samples));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Data(double[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> low, Vector256<double> high, ref double destination, int s)
    {
        low.StoreUnsafe(ref destination, (nuint)s);
        high.StoreUnsafe(ref destination, (nuint)(s + 4));
    }
}
