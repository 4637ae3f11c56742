using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// The last 4 columns of a product whose column count is 4 past a multiple of 8 (100 samples: 96
/// in units, then these): o[q][c + u] for u &lt; 4 in one 256-bit vector per row, so the 4 padding
/// columns after the batch are not computed at all. Same contract as <see cref="ITiles"/>.
/// </summary>
internal static class HalfUnitTiles
{
    /// <summary>Doubles in a half unit.</summary>
    public const int Width = 4;

    /// <summary>4 rows by 4 columns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Rows4<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows
    {
        ref var b0 = ref b.Row(r);
        ref var b1 = ref b.Row(r + 1);
        ref var b2 = ref b.Row(r + 2);
        ref var b3 = ref b.Row(r + 3);
        var (a0, a1, a2, a3) = accumulate
            ? (Vector256.LoadUnsafe(ref o0), Vector256.LoadUnsafe(ref o1), Vector256.LoadUnsafe(ref o2), Vector256.LoadUnsafe(ref o3))
            : (Vector256.Create(i0), Vector256.Create(i1), Vector256.Create(i2), Vector256.Create(i3));
        // Odd k into a second set of sums: 8 independent chains keep both FMA pipes busy, where 4
        // would wait on each other's latency (the 4 columns then cost 2 cycles per k, not 4).
        Vector256<double> e0 = default, e1 = default, e2 = default, e3 = default;
        var bi = k0 * bStride;
        var k = k0;
        for (; k + 2 <= k1; k += 2, bi += 2 * bStride)
        {
            var xk = Vector256.LoadUnsafe(ref Unsafe.Add(ref x.Row(k), c));
            var xn = Vector256.LoadUnsafe(ref Unsafe.Add(ref x.Row(k + 1), c));
            a0 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b0, bi)), a0);
            a1 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b1, bi)), a1);
            a2 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b2, bi)), a2);
            a3 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b3, bi)), a3);
            e0 = Vector256.FusedMultiplyAdd(xn, Vector256.Create(Unsafe.Add(ref b0, bi + bStride)), e0);
            e1 = Vector256.FusedMultiplyAdd(xn, Vector256.Create(Unsafe.Add(ref b1, bi + bStride)), e1);
            e2 = Vector256.FusedMultiplyAdd(xn, Vector256.Create(Unsafe.Add(ref b2, bi + bStride)), e2);
            e3 = Vector256.FusedMultiplyAdd(xn, Vector256.Create(Unsafe.Add(ref b3, bi + bStride)), e3);
        }
        if (k < k1)
        {
            var xk = Vector256.LoadUnsafe(ref Unsafe.Add(ref x.Row(k), c));
            a0 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b0, bi)), a0);
            a1 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b1, bi)), a1);
            a2 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b2, bi)), a2);
            a3 = Vector256.FusedMultiplyAdd(xk, Vector256.Create(Unsafe.Add(ref b3, bi)), a3);
        }
        (a0 + e0).StoreUnsafe(ref o0);
        (a1 + e1).StoreUnsafe(ref o1);
        (a2 + e2).StoreUnsafe(ref o2);
        (a3 + e3).StoreUnsafe(ref o3);
    }

    /// <summary>1 row by 4 columns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Row<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1, ref double o, bool accumulate, double init)
        where TB : struct, IRows where TX : struct, IRows
    {
        ref var b0 = ref b.Row(r);
        var a = accumulate ? Vector256.LoadUnsafe(ref o) : Vector256.Create(init);
        var bi = k0 * bStride;
        for (var k = k0; k < k1; k++, bi += bStride)
        {
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x.Row(k), c)), Vector256.Create(Unsafe.Add(ref b0, bi)), a);
        }
        a.StoreUnsafe(ref o);
    }
}
