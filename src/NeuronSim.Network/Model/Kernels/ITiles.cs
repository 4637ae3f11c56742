namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// The register tiles of one vector width, all computing
/// o[q][c + u] = (accumulate ? o[q][c + u] : init_q) + sum_{k0 &lt;= k &lt; k1} b[r + q][k * bStride] * x[k][c + u]
/// for rows q of the tile and columns u of its width (a unit is 8 doubles). The output references
/// already point at column c; the accumulators stay in registers for the whole k range.
/// </summary>
internal interface ITiles
{
    /// <summary>Units (8 doubles each) of the wide tile's columns.</summary>
    static abstract int WideUnits { get; }

    /// <summary>4 rows by <see cref="WideUnits"/> units.</summary>
    static abstract void Wide<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows;

    /// <summary>
    /// 4 rows by <see cref="WideUnits"/> units and a half unit of 4 columns after them: the last block of
    /// a product whose columns are 4 past a multiple of 8, so those 4 share the wide tile's loads of b.
    /// </summary>
    static abstract void WideAndHalf<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows;

    /// <summary>4 rows by <paramref name="units"/> units, one unit after the other (the columns left over by the wide tiles).</summary>
    static abstract void Narrow<TB, TX>(TB b, nint bStride, TX x, int r, int c, int units, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows;

    /// <summary>1 row by <paramref name="units"/> units, one unit after the other.</summary>
    static abstract void Single<TB, TX>(TB b, nint bStride, TX x, int r, int c, int units, int k0, int k1, ref double o, bool accumulate, double init)
        where TB : struct, IRows where TX : struct, IRows;
}
