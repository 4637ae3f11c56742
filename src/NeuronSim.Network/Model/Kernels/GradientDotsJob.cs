using System.Numerics.Tensors;
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
        var full = FullColumns;
        var wide = (Path == KernelPath.Vector512 ? Vector512Tiles.WideUnits : Vector256Tiles.WideUnits) * BatchKernels.PaddingBlock;
        var middle = full / 2 / wide * wide;
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
    /// dot products over the samples, 4 rows at a time so each input vector is loaded once per 4 rows.
    /// </summary>
    public static void RaggedColumns(double[][] deltas, double[][] inputs, double[] grads, int offset, int samples, int full)
    {
        var fanIn = inputs.Length;
        var rows = deltas.Length;
        for (var i = full; i < fanIn; i++)
        {
            ref var x = ref MemoryMarshal.GetArrayDataReference(inputs[i]);
            var j = 0;
            for (; j + 4 <= rows; j += 4)
            {
                ref var d0 = ref MemoryMarshal.GetArrayDataReference(deltas[j]);
                ref var d1 = ref MemoryMarshal.GetArrayDataReference(deltas[j + 1]);
                ref var d2 = ref MemoryMarshal.GetArrayDataReference(deltas[j + 2]);
                ref var d3 = ref MemoryMarshal.GetArrayDataReference(deltas[j + 3]);
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
                for (nuint s = 0; s < (nuint)samples; s += 4)
                {
                    var v = Vector256.LoadUnsafe(ref x, s);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d0, s), v, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d1, s), v, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d2, s), v, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d3, s), v, a3);
                }
                var g = offset + j * fanIn + i;
                (grads[g], grads[g + fanIn], grads[g + 2 * fanIn], grads[g + 3 * fanIn]) = (Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3));
            }
            for (; j < rows; j++) grads[offset + j * fanIn + i] = TensorPrimitives.Dot(deltas[j].AsSpan(0, samples), inputs[i].AsSpan(0, samples));
        }
    }

    /// <summary>Drops the references to the caller's arrays.</summary>
    public void Clear() => (Deltas, Inputs, Grads) = (null!, null!, null!);
}
