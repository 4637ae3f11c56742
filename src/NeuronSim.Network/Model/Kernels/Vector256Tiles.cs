using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// Register tiles on 256-bit vectors: 4 rows by 8 columns (two vectors per row) in 8
/// accumulators, which leaves room in the 16 registers of AVX2.
/// </summary>
internal readonly struct Vector256Tiles : ITiles
{
    public static int WideUnits => 1;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Wide<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows =>
        Narrow(b, bStride, x, r, c, 1, k0, k1, ref o0, ref o1, ref o2, ref o3, accumulate, i0, i1, i2, i3);

    public static void WideAndHalf<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows
    {
        // AVX2's 16 registers hold no more accumulators: the half unit runs on its own.
        Narrow(b, bStride, x, r, c, 1, k0, k1, ref o0, ref o1, ref o2, ref o3, accumulate, i0, i1, i2, i3);
        const int at = BatchKernels.PaddingBlock;
        HalfUnitTiles.Rows4(b, bStride, x, r, c + at, k0, k1, ref Unsafe.Add(ref o0, at), ref Unsafe.Add(ref o1, at),
            ref Unsafe.Add(ref o2, at), ref Unsafe.Add(ref o3, at), accumulate, i0, i1, i2, i3);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Narrow<TB, TX>(TB b, nint bStride, TX x, int r, int c, int units, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows
    {
        ref var b0 = ref b.Row(r);
        ref var b1 = ref b.Row(r + 1);
        ref var b2 = ref b.Row(r + 2);
        ref var b3 = ref b.Row(r + 3);
        for (nuint u = 0; u < (nuint)units * 8; u += 8, c += 8)
        {
            Vector256<double> a00, a01, a10, a11, a20, a21, a30, a31;
            if (accumulate)
            {
                (a00, a01) = Load2(ref o0, u);
                (a10, a11) = Load2(ref o1, u);
                (a20, a21) = Load2(ref o2, u);
                (a30, a31) = Load2(ref o3, u);
            }
            else
            {
                a00 = a01 = Vector256.Create(i0);
                a10 = a11 = Vector256.Create(i1);
                a20 = a21 = Vector256.Create(i2);
                a30 = a31 = Vector256.Create(i3);
            }
            var bi = k0 * bStride;
            for (var k = k0; k < k1; k++, bi += bStride)
            {
                ref var xk = ref Unsafe.Add(ref x.Row(k), c);
                var x0 = Vector256.LoadUnsafe(ref xk);
                var x1 = Vector256.LoadUnsafe(ref xk, 4);
                var w = Vector256.Create(Unsafe.Add(ref b0, bi));
                a00 = Vector256.FusedMultiplyAdd(x0, w, a00);
                a01 = Vector256.FusedMultiplyAdd(x1, w, a01);
                w = Vector256.Create(Unsafe.Add(ref b1, bi));
                a10 = Vector256.FusedMultiplyAdd(x0, w, a10);
                a11 = Vector256.FusedMultiplyAdd(x1, w, a11);
                w = Vector256.Create(Unsafe.Add(ref b2, bi));
                a20 = Vector256.FusedMultiplyAdd(x0, w, a20);
                a21 = Vector256.FusedMultiplyAdd(x1, w, a21);
                w = Vector256.Create(Unsafe.Add(ref b3, bi));
                a30 = Vector256.FusedMultiplyAdd(x0, w, a30);
                a31 = Vector256.FusedMultiplyAdd(x1, w, a31);
            }
            Store2(ref o0, u, a00, a01);
            Store2(ref o1, u, a10, a11);
            Store2(ref o2, u, a20, a21);
            Store2(ref o3, u, a30, a31);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Single<TB, TX>(TB b, nint bStride, TX x, int r, int c, int units, int k0, int k1, ref double o, bool accumulate, double init)
        where TB : struct, IRows where TX : struct, IRows
    {
        ref var b0 = ref b.Row(r);
        for (nuint u = 0; u < (nuint)units * 8; u += 8, c += 8)
        {
            var (a0, a1) = accumulate ? Load2(ref o, u) : (Vector256.Create(init), Vector256.Create(init));
            var bi = k0 * bStride;
            for (var k = k0; k < k1; k++, bi += bStride)
            {
                ref var xk = ref Unsafe.Add(ref x.Row(k), c);
                var w = Vector256.Create(Unsafe.Add(ref b0, bi));
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk), w, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk, 4), w, a1);
            }
            Store2(ref o, u, a0, a1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>) Load2(ref double o, nuint at) => (Vector256.LoadUnsafe(ref o, at), Vector256.LoadUnsafe(ref o, at + 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store2(ref double o, nuint at, Vector256<double> low, Vector256<double> high)
    {
        low.StoreUnsafe(ref o, at);
        high.StoreUnsafe(ref o, at + 4);
    }
}
