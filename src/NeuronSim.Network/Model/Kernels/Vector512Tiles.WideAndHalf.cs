using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

internal readonly partial struct Vector512Tiles
{
    /// <summary>
    /// The wide tile and 4 more columns in a 256-bit accumulator per row (20 accumulators of the 32
    /// registers): each k's 4 broadcasts of b feed 16 full FMAs and 4 half ones, so 100 columns cost
    /// about 100/96 of 96 (measured: with the half unit on its own, as much as 104).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void WideAndHalf<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows
    {
        Vector512<double> a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33;
        Vector256<double> h0, h1, h2, h3;
        if (accumulate)
        {
            (a00, a01, a02, a03) = Load4(ref o0);
            (a10, a11, a12, a13) = Load4(ref o1);
            (a20, a21, a22, a23) = Load4(ref o2);
            (a30, a31, a32, a33) = Load4(ref o3);
            (h0, h1, h2, h3) = (Vector256.LoadUnsafe(ref o0, 32), Vector256.LoadUnsafe(ref o1, 32), Vector256.LoadUnsafe(ref o2, 32), Vector256.LoadUnsafe(ref o3, 32));
        }
        else
        {
            a00 = a01 = a02 = a03 = Vector512.Create(i0);
            a10 = a11 = a12 = a13 = Vector512.Create(i1);
            a20 = a21 = a22 = a23 = Vector512.Create(i2);
            a30 = a31 = a32 = a33 = Vector512.Create(i3);
            (h0, h1, h2, h3) = (Vector256.Create(i0), Vector256.Create(i1), Vector256.Create(i2), Vector256.Create(i3));
        }
        ref var b0 = ref b.Row(r);
        ref var b1 = ref b.Row(r + 1);
        ref var b2 = ref b.Row(r + 2);
        ref var b3 = ref b.Row(r + 3);
        var bi = k0 * bStride;
        for (var k = k0; k < k1; k++, bi += bStride)
        {
            ref var xk = ref Unsafe.Add(ref x.Row(k), c);
            var x0 = Vector512.LoadUnsafe(ref xk);
            var x1 = Vector512.LoadUnsafe(ref xk, 8);
            var x2 = Vector512.LoadUnsafe(ref xk, 16);
            var x3 = Vector512.LoadUnsafe(ref xk, 24);
            var x4 = Vector256.LoadUnsafe(ref xk, 32);
            var w = Vector512.Create(Unsafe.Add(ref b0, bi));
            a00 = Vector512.FusedMultiplyAdd(x0, w, a00);
            a01 = Vector512.FusedMultiplyAdd(x1, w, a01);
            a02 = Vector512.FusedMultiplyAdd(x2, w, a02);
            a03 = Vector512.FusedMultiplyAdd(x3, w, a03);
            h0 = Vector256.FusedMultiplyAdd(x4, w.GetLower(), h0);
            w = Vector512.Create(Unsafe.Add(ref b1, bi));
            a10 = Vector512.FusedMultiplyAdd(x0, w, a10);
            a11 = Vector512.FusedMultiplyAdd(x1, w, a11);
            a12 = Vector512.FusedMultiplyAdd(x2, w, a12);
            a13 = Vector512.FusedMultiplyAdd(x3, w, a13);
            h1 = Vector256.FusedMultiplyAdd(x4, w.GetLower(), h1);
            w = Vector512.Create(Unsafe.Add(ref b2, bi));
            a20 = Vector512.FusedMultiplyAdd(x0, w, a20);
            a21 = Vector512.FusedMultiplyAdd(x1, w, a21);
            a22 = Vector512.FusedMultiplyAdd(x2, w, a22);
            a23 = Vector512.FusedMultiplyAdd(x3, w, a23);
            h2 = Vector256.FusedMultiplyAdd(x4, w.GetLower(), h2);
            w = Vector512.Create(Unsafe.Add(ref b3, bi));
            a30 = Vector512.FusedMultiplyAdd(x0, w, a30);
            a31 = Vector512.FusedMultiplyAdd(x1, w, a31);
            a32 = Vector512.FusedMultiplyAdd(x2, w, a32);
            a33 = Vector512.FusedMultiplyAdd(x3, w, a33);
            h3 = Vector256.FusedMultiplyAdd(x4, w.GetLower(), h3);
        }
        Store4(ref o0, a00, a01, a02, a03);
        Store4(ref o1, a10, a11, a12, a13);
        Store4(ref o2, a20, a21, a22, a23);
        Store4(ref o3, a30, a31, a32, a33);
        h0.StoreUnsafe(ref o0, 32);
        h1.StoreUnsafe(ref o1, 32);
        h2.StoreUnsafe(ref o2, 32);
        h3.StoreUnsafe(ref o3, 32);
    }
}
