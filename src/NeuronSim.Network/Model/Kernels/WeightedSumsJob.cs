namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// z = init + W a (or W^T delta): the arguments of one product, kept per calling thread so a tick
/// allocates nothing; the two halves split the output rows at a multiple of 4.
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

    public void Run(int half)
    {
        var rows = Outputs.Length;
        var middle = rows / 2 / 4 * 4;
        var (start, end) = half == 0 ? (0, middle) : (middle, rows);
        Rows(start, end);
    }

    /// <summary>Output rows [r0, r1).</summary>
    public void Rows(int r0, int r1)
    {
        var b = new StridedRows(W, Offset, RowStride);
        var x = new JaggedRows(Inputs);
        var o = new JaggedRows(Outputs);
        switch (Path)
        {
            case KernelPath.Vector512:
                TiledProduct.Run<Vector512Tiles, StridedRows, JaggedRows, JaggedRows>(b, ColStride, x, o, Init, Inputs.Length, r0, r1, 0, Samples);
                break;
            case KernelPath.Vector256:
                TiledProduct.Run<Vector256Tiles, StridedRows, JaggedRows, JaggedRows>(b, ColStride, x, o, Init, Inputs.Length, r0, r1, 0, Samples);
                break;
            default:
                ScalarKernels.WeightedSums(W, Offset, RowStride, ColStride, Inputs, Outputs, Init, Samples, r0, r1);
                break;
        }
    }

    /// <summary>Drops the references to the caller's arrays.</summary>
    public void Clear() => (W, Inputs, Outputs, Init) = (null!, null!, null!, null!);
}
