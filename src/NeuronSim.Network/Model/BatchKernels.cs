using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Model;

/// <summary>
/// The two matrix products of a layer, over per-neuron sample vectors padded to a multiple of
/// <see cref="PaddingBlock"/> doubles: weighted sums (forward z = W a, backward dL/da = W^T delta) and
/// gradient dot products (dL/dW = delta a^T). Each runs as a cache-blocked product of register
/// tiles on the path of <see cref="KernelSelection"/> (512-bit, 256-bit or scalar); large
/// products are split across the two cores with one barrier each, and a weighted sum's
/// activation (or derivative) runs on each half's rows before that barrier.
/// </summary>
public static class BatchKernels
{
    /// <summary>Sample vectors are padded to a multiple of this many doubles (one 512-bit vector).</summary>
    public const int PaddingBlock = 8;

    /// <summary>Below this many multiply-adds a product runs on one core.</summary>
    public const long ParallelThreshold = 200_000;

    /// <summary>Products compute a multiple of this many columns (samples): half a padding block, one 256-bit vector.</summary>
    public const int ColumnBlock = 4;

    /// <summary><paramref name="samples"/> rounded up to a multiple of <see cref="PaddingBlock"/>.</summary>
    public static int Padded(int samples) => (samples + PaddingBlock - 1) / PaddingBlock * PaddingBlock;

    /// <summary>
    /// The columns a training pass computes for <paramref name="samples"/> samples: rounded up to a
    /// multiple of <see cref="ColumnBlock"/> only, so 100 samples cost 100 columns, not 104. The padding
    /// columns past it are neither written nor read, and the ones before it hold zero deltas.
    /// </summary>
    public static int Columns(int samples) => (samples + ColumnBlock - 1) / ColumnBlock * ColumnBlock;

    // The arguments of a product go to a job object kept per calling thread, so a tick allocates nothing.
    [ThreadStatic] private static WeightedSumsJob? t_sums;
    [ThreadStatic] private static GradientDotsJob? t_dots;

    /// <summary>
    /// outputs[r][s] = init[r] + sum_k w[offset + r * rowStride + k * colStride] * inputs[k][s] for every
    /// output row r and every sample s &lt; <paramref name="columns"/> (a multiple of <see cref="ColumnBlock"/>; init may be empty: 0), then
    /// <paramref name="finish"/> on each row by the core that computed it (an activation or its derivative).
    /// </summary>
    public static void WeightedSums(double[] w, int offset, int rowStride, int colStride, double[][] inputs, double[][] outputs, double[] init, int columns,
        RowFinish finish = default)
    {
        CheckLengths(columns, inputs, outputs);
        var rows = outputs.Length;
        if (rows == 0) return;
        CheckWeights(w, offset, rowStride, colStride, rows, inputs.Length);
        if (init.Length != 0) ArgumentOutOfRangeException.ThrowIfLessThan(init.Length, rows);
        var path = KernelSelection.Active;
        var multiplyAdds = (long)rows * inputs.Length * columns;
        if (multiplyAdds < SmallProducts.Threshold && path != KernelPath.Scalar)
        {
            SmallProducts.WeightedSums(w, offset, rowStride, colStride, inputs, outputs, init, columns, 0, rows);
            finish.Apply(outputs, 0, rows, columns);
            return;
        }
        // Whether to split counts the finish too: an activation or derivative costs about RowFinish.Cost multiply-adds per value.
        var work = multiplyAdds + (finish.Definition is null ? 0 : (long)rows * columns * RowFinish.Cost);
        if (work < ParallelThreshold || rows < 8)
        {
            WeightedSumsJob.Rows(path, w, offset, rowStride, colStride, inputs, outputs, init, columns, 0, rows);
            finish.Apply(outputs, 0, rows, columns);
            return;
        }
        var job = t_sums ??= new WeightedSumsJob();
        (job.W, job.Offset, job.RowStride, job.ColStride, job.Inputs, job.Outputs, job.Init, job.Samples, job.Path, job.Finish) =
            (w, offset, rowStride, colStride, inputs, outputs, init, columns, path, finish);
        CoreSplitter.Run(job);
        job.Clear();
    }

    /// <summary>
    /// grads[offset + j * inputs.Length + i] = sum_s deltas[j][s] * inputs[i][s] over s &lt; <paramref name="columns"/>
    /// (the columns past the batch hold zero deltas, so they add nothing).
    /// </summary>
    public static void GradientDots(double[][] deltas, double[][] inputs, double[] grads, int offset, int columns)
    {
        CheckLengths(columns, deltas, inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(grads.Length - (long)offset, (long)deltas.Length * inputs.Length, nameof(grads));
        var path = KernelSelection.Active;
        if ((inputs.Length < PaddingBlock || deltas.Length < 4) && path != KernelPath.Scalar)
        {
            // Too narrow for a tile, or too few rows to pay for transposing the inputs (the output
            // layer's one neuron): dot products only, with no job to fill.
            GradientDotsJob.RaggedColumns(deltas, inputs, grads, offset, columns, 0);
            return;
        }
        var job = t_dots ??= new GradientDotsJob();
        (job.Deltas, job.Inputs, job.Grads, job.Offset, job.Samples, job.Path) = (deltas, inputs, grads, offset, columns, path);
        job.Prepare();
        if ((long)deltas.Length * inputs.Length * columns < ParallelThreshold || inputs.Length < 64)
        {
            job.Run(0);
            job.Run(1);
        }
        else
        {
            CoreSplitter.Run(job);
        }
        job.Clear();
    }

    /// <summary>The loops read without bounds checks, so every vector must hold all the columns.</summary>
    private static void CheckLengths(int columns, double[][] first, double[][] second)
    {
        if (columns % ColumnBlock != 0) throw new ArgumentException($"the sample count {columns} is not padded to a multiple of {ColumnBlock}");
        foreach (var vector in first) ArgumentOutOfRangeException.ThrowIfLessThan(vector.Length, columns);
        foreach (var vector in second) ArgumentOutOfRangeException.ThrowIfLessThan(vector.Length, columns);
    }

    /// <summary>The first and the last weight a product reads lie inside <paramref name="w"/>.</summary>
    private static void CheckWeights(double[] w, int offset, int rowStride, int colStride, int rows, int columns)
    {
        var last = offset + (long)(rows - 1) * rowStride + (long)Math.Max(columns - 1, 0) * colStride;
        if (offset < 0 || rowStride < 0 || colStride < 0 || last >= w.Length) throw new ArgumentOutOfRangeException(nameof(w), "the weights do not cover the product");
    }
}
