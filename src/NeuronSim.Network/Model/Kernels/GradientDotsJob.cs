using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// dL/dW = delta a^T as a product with the samples as its depth: the inputs' vectors are first
/// transposed into a sample-major panel (row s holds a_i[s] for every input i), so a tile
/// broadcasts delta_j[s] and multiplies whole vectors of inputs, with no horizontal sums. The
/// two halves split the input columns (each transposes its own columns, so one barrier per
/// product); the last columns that do not fill 8 doubles are dot products 4 rows at a time. Kept per calling
/// thread with its panel, so a warm tick allocates nothing.
/// </summary>
internal sealed class GradientDotsJob : ISplitWork
{
    public double[][] Deltas = null!;
    public double[][] Inputs = null!;
    public double[] Grads = null!;
    public int Offset;
    public int Samples;
    public KernelPath Path;
    private double[] _panel = [];
    private int _panelStart;

    /// <summary>Input columns handled by the tiles: a multiple of 8.</summary>
    private int FullColumns => Inputs.Length / BatchKernels.PaddingBlock * BatchKernels.PaddingBlock;

    /// <summary>Makes room for the transposed inputs (grows only), from a cache line on so its rows start lines too.</summary>
    public void Prepare()
    {
        var needed = Samples * FullColumns + CacheLines.Bytes / sizeof(double) - 1;
        if (_panel.Length >= needed) return;
        _panel = GC.AllocateUninitializedArray<double>(needed, pinned: true);
        _panelStart = CacheLines.FirstLineOffset(_panel);
    }

    public void Run(int half)
    {
        // The middle at a multiple of 8, not of the wide tile's 32: 400 columns split 200/200 (each half
        // ending in one narrow unit) rather than 192/208, where the larger half set the product's time.
        var full = FullColumns;
        var middle = full / 2 / BatchKernels.PaddingBlock * BatchKernels.PaddingBlock;
        if (half == 0) Columns(0, middle, false);
        else Columns(middle, full, true);
    }

    /// <summary>Gradient columns [c0, c1) (multiples of 8), and the ragged last columns when <paramref name="withTail"/>.</summary>
    public void Columns(int c0, int c1, bool withTail)
    {
        var full = FullColumns;
        if (Path == KernelPath.Scalar)
        {
            ScalarKernels.GradientDots(Deltas, Inputs, Grads, Offset, Samples, c0, withTail ? Inputs.Length : c1);
            return;
        }
        if (c1 > c0)
        {
            PanelTranspose.Run(Inputs, c0, c1, Samples, _panel, _panelStart, full, Path);
            var b = new JaggedRows(Deltas);
            var x = new StridedRows(_panel, _panelStart, full);
            var o = new StridedRows(Grads, Offset, Inputs.Length);
            if (Path == KernelPath.Vector512)
            {
                TiledProduct.Run<Vector512Tiles, JaggedRows, StridedRows, StridedRows>(b, 1, x, o, [], Samples, 0, Deltas.Length, c0, c1);
            }
            else
            {
                TiledProduct.Run<Vector256Tiles, JaggedRows, StridedRows, StridedRows>(b, 1, x, o, [], Samples, 0, Deltas.Length, c0, c1);
            }
        }
        if (withTail) RaggedColumns(Deltas, Inputs, Grads, Offset, Samples, full);
    }

    /// <summary>
    /// The columns from <paramref name="full"/> on (fewer than 8, all of them in a narrow layer) as
    /// dot products over the samples, 4 rows at a time so each input vector is loaded once per 4
    /// rows; the rows left over (the output layer's one neuron) 4 columns at a time, so each of
    /// their delta vectors is loaded once per 4 columns.
    /// </summary>
    public static void RaggedColumns(double[][] deltas, double[][] inputs, double[] grads, int offset, int samples, int full)
    {
        var fanIn = inputs.Length;
        var rows = deltas.Length / 4 * 4;
        for (var i = full; i < fanIn; i++)
        {
            ref var x = ref MemoryMarshal.GetArrayDataReference(inputs[i]);
            for (var j = 0; j < rows; j += 4)
            {
                var (a0, a1, a2, a3) = Dots4(ref x, ref Data(deltas[j]), ref Data(deltas[j + 1]), ref Data(deltas[j + 2]), ref Data(deltas[j + 3]), samples);
                var g = offset + j * fanIn + i;
                (grads[g], grads[g + fanIn], grads[g + 2 * fanIn], grads[g + 3 * fanIn]) = (a0, a1, a2, a3);
            }
        }
        for (var j = rows; j < deltas.Length; j++)
        {
            ref var d = ref Data(deltas[j]);
            var i = full;
            for (; i + 4 <= fanIn; i += 4)
            {
                var (a0, a1, a2, a3) = Dots4(ref d, ref Data(inputs[i]), ref Data(inputs[i + 1]), ref Data(inputs[i + 2]), ref Data(inputs[i + 3]), samples);
                var g = offset + j * fanIn + i;
                (grads[g], grads[g + 1], grads[g + 2], grads[g + 3]) = (a0, a1, a2, a3);
            }
            for (; i < fanIn; i++) grads[offset + j * fanIn + i] = TensorPrimitives.Dot(deltas[j].AsSpan(0, samples), inputs[i].AsSpan(0, samples));
        }
    }

    /// <summary>The dot products of <paramref name="shared"/> with 4 vectors over <paramref name="samples"/> (a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double, double, double, double) Dots4(ref double shared, ref double v0, ref double v1, ref double v2, ref double v3, int samples)
    {
        Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
        for (nuint s = 0; s < (nuint)samples; s += 4)
        {
            var v = Vector256.LoadUnsafe(ref shared, s);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref v0, s), v, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref v1, s), v, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref v2, s), v, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref v3, s), v, a3);
        }
        return (Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Data(double[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    /// <summary>Drops the references to the caller's arrays.</summary>
    public void Clear() => (Deltas, Inputs, Grads) = (null!, null!, null!);
}
