namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// z = init + W a (or W^T delta): the arguments of one product, kept per calling thread so a tick
/// allocates nothing; the two halves split the output rows at a multiple of 4, and each half
/// finishes its own rows (<see cref="RowFinish"/>).
/// </summary>
internal sealed class WeightedSumsJob : ISplitWork
{
    public double[] W = null!;
    public double[][] Inputs = null!;
    public double[][] Outputs = null!;
    public double[] Init = null!;
    public int Offset;
    public int RowStride;
    public int ColStride;
    public int Samples;
    public KernelPath Path;
    public RowFinish Finish;

    public void Run(int half)
    {
        var rows = Outputs.Length;
        var middle = rows / 2 / 4 * 4;
        var (start, end) = half == 0 ? (0, middle) : (middle, rows);
        Rows(start, end);
        Finish.Apply(Outputs, start, end, Samples);
    }

    /// <summary>Output rows [r0, r1).</summary>
    public void Rows(int r0, int r1) => Rows(Path, W, Offset, RowStride, ColStride, Inputs, Outputs, Init, Samples, r0, r1);

    /// <summary>Output rows [r0, r1) of a product given by its arguments (small products run here directly, without a job).</summary>
    public static void Rows(KernelPath path, double[] w, int offset, int rowStride, int colStride, double[][] inputs, double[][] outputs, double[] init, int samples, int r0, int r1)
    {
        var b = new StridedRows(w, offset, rowStride);
        var x = new JaggedRows(inputs);
        var o = new JaggedRows(outputs);
        switch (path)
        {
            case KernelPath.Vector512:
                TiledProduct.Run<Vector512Tiles, StridedRows, JaggedRows, JaggedRows>(b, colStride, x, o, init, inputs.Length, r0, r1, 0, samples);
                break;
            case KernelPath.Vector256:
                TiledProduct.Run<Vector256Tiles, StridedRows, JaggedRows, JaggedRows>(b, colStride, x, o, init, inputs.Length, r0, r1, 0, samples);
                break;
            default:
                ScalarKernels.WeightedSums(w, offset, rowStride, colStride, inputs, outputs, init, samples, r0, r1);
                break;
        }
    }

    /// <summary>Drops the references to the caller's arrays.</summary>
    public void Clear() => (W, Inputs, Outputs, Init, Finish) = (null!, null!, null!, null!, default);
}
