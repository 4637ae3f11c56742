using System.Runtime.CompilerServices;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// One layer product, GEMM-style: o[r][c] = init_r + sum_k b[r][k * bStride] x[k][c] for rows
/// [r0, r1) and columns [c0, c1) (multiples of 4). The columns go in blocks as wide as the wide
/// tile, the last block in units of 8 and a half unit of 4 (<see cref="HalfUnitTiles"/>), or as
/// one wide tile with 4 columns more (<see cref="ITiles.WideAndHalf"/>); within a block the depth goes in panels of <see cref="DepthPanel"/>, so the panel of x
/// (DepthPanel x 32 doubles = 16 KiB at 512 bits, half of L1) stays in L1 while every row block of 4 reuses
/// it, and the panel of b (rows x DepthPanel) stays in L2. Partial sums go back to the output
/// between panels.
/// </summary>
internal static class TiledProduct
{
    /// <summary>Depth (k) per panel.</summary>
    public const int DepthPanel = 64;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TTiles, TB, TX, TO>(TB b, nint bStride, TX x, in TO o, double[] init, int depth, int r0, int r1, int c0, int c1)
        where TTiles : struct, ITiles where TB : struct, IRows where TX : struct, IRows where TO : struct, IRows
    {
        var wide = TTiles.WideUnits * BatchKernels.PaddingBlock;
        for (var c = c0; c < c1;)
        {
            // Wide blocks, then the columns left over in one narrow block; 4 columns past the last
            // wide block go with it (100 columns: 32, 32, 36).
            var width = c1 - c == wide + HalfUnitTiles.Width ? wide + HalfUnitTiles.Width : c1 - c >= wide ? wide : c1 - c;
            var units = width / BatchKernels.PaddingBlock;
            var half = width % BatchKernels.PaddingBlock != 0;
            var halfAt = units * BatchKernels.PaddingBlock;
            var k0 = 0;
            do
            {
                var k1 = Math.Min(depth, k0 + DepthPanel);
                var accumulate = k0 > 0;
                var r = r0;
                for (; r + 4 <= r1; r += 4)
                {
                    ref var o0 = ref Unsafe.Add(ref o.Row(r), c);
                    ref var o1 = ref Unsafe.Add(ref o.Row(r + 1), c);
                    ref var o2 = ref Unsafe.Add(ref o.Row(r + 2), c);
                    ref var o3 = ref Unsafe.Add(ref o.Row(r + 3), c);
                    var (i0, i1, i2, i3) = init.Length == 0 ? (0.0, 0.0, 0.0, 0.0) : (init[r], init[r + 1], init[r + 2], init[r + 3]);
                    if (width == wide)
                    {
                        TTiles.Wide(b, bStride, x, r, c, k0, k1, ref o0, ref o1, ref o2, ref o3, accumulate, i0, i1, i2, i3);
                    }
                    else if (width == wide + HalfUnitTiles.Width)
                    {
                        TTiles.WideAndHalf(b, bStride, x, r, c, k0, k1, ref o0, ref o1, ref o2, ref o3, accumulate, i0, i1, i2, i3);
                    }
                    else
                    {
                        if (units > 0) TTiles.Narrow(b, bStride, x, r, c, units, k0, k1, ref o0, ref o1, ref o2, ref o3, accumulate, i0, i1, i2, i3);
                        if (half)
                        {
                            HalfUnitTiles.Rows4(b, bStride, x, r, c + halfAt, k0, k1, ref Unsafe.Add(ref o0, halfAt), ref Unsafe.Add(ref o1, halfAt),
                                ref Unsafe.Add(ref o2, halfAt), ref Unsafe.Add(ref o3, halfAt), accumulate, i0, i1, i2, i3);
                        }
                    }
                }
                for (; r < r1; r++)
                {
                    ref var row = ref Unsafe.Add(ref o.Row(r), c);
                    var i = init.Length == 0 ? 0.0 : init[r];
                    if (units > 0) TTiles.Single(b, bStride, x, r, c, units, k0, k1, ref row, accumulate, i);
                    if (half) HalfUnitTiles.Row(b, bStride, x, r, c + halfAt, k0, k1, ref Unsafe.Add(ref row, halfAt), accumulate, i);
                }
                k0 = k1;
            }
            while (k0 < depth);
            c += width;
        }
    }
}
