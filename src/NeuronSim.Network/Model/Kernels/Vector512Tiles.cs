using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>Register tiles on 512-bit vectors: the wide tile holds 4 rows by 32 columns in 16 accumulators (see also <see cref="WideAndHalf"/>).</summary>
internal readonly partial struct Vector512Tiles : ITiles
{
    public static int WideUnits => 4;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Wide<TB, TX>(TB b, nint bStride, TX x, int r, int c, int k0, int k1,
        ref double o0, ref double o1, ref double o2, ref double o3, bool accumulate, double i0, double i1, double i2, double i3)
        where TB : struct, IRows where TX : struct, IRows
    {
        Vector512<double> a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33;
        if (accumulate)
        {
            (a00, a01, a02, a03) = Load4(ref o0);
            (a10, a11, a12, a13) = Load4(ref o1);
            (a20, a21, a22, a23) = Load4(ref o2);
            (a30, a31, a32, a33) = Load4(ref o3);
        }
        else
        {
            a00 = a01 = a02 = a03 = Vector512.Create(i0);
            a10 = a11 = a12 = a13 = Vector512.Create(i1);
            a20 = a21 = a22 = a23 = Vector512.Create(i2);
            a30 = a31 = a32 = a33 = Vector512.Create(i3);
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
            var w = Vector512.Create(Unsafe.Add(ref b0, bi));
            a00 = Vector512.FusedMultiplyAdd(x0, w, a00);
            a01 = Vector512.FusedMultiplyAdd(x1, w, a01);
            a02 = Vector512.FusedMultiplyAdd(x2, w, a02);
            a03 = Vector512.FusedMultiplyAdd(x3, w, a03);
            w = Vector512.Create(Unsafe.Add(ref b1, bi));
            a10 = Vector512.FusedMultiplyAdd(x0, w, a10);
            a11 = Vector512.FusedMultiplyAdd(x1, w, a11);
            a12 = Vector512.FusedMultiplyAdd(x2, w, a12);
            a13 = Vector512.FusedMultiplyAdd(x3, w, a13);
            w = Vector512.Create(Unsafe.Add(ref b2, bi));
            a20 = Vector512.FusedMultiplyAdd(x0, w, a20);
            a21 = Vector512.FusedMultiplyAdd(x1, w, a21);
            a22 = Vector512.FusedMultiplyAdd(x2, w, a22);
            a23 = Vector512.FusedMultiplyAdd(x3, w, a23);
            w = Vector512.Create(Unsafe.Add(ref b3, bi));
            a30 = Vector512.FusedMultiplyAdd(x0, w, a30);
            a31 = Vector512.FusedMultiplyAdd(x1, w, a31);
            a32 = Vector512.FusedMultiplyAdd(x2, w, a32);
            a33 = Vector512.FusedMultiplyAdd(x3, w, a33);
        }
        Store4(ref o0, a00, a01, a02, a03);
        Store4(ref o1, a10, a11, a12, a13);
        Store4(ref o2, a20, a21, a22, a23);
        Store4(ref o3, a30, a31, a32, a33);
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
            Vector512<double> a0, a1, a2, a3;
            if (accumulate)
            {
                (a0, a1, a2, a3) = (Vector512.LoadUnsafe(ref o0, u), Vector512.LoadUnsafe(ref o1, u), Vector512.LoadUnsafe(ref o2, u), Vector512.LoadUnsafe(ref o3, u));
            }
            else
            {
                (a0, a1, a2, a3) = (Vector512.Create(i0), Vector512.Create(i1), Vector512.Create(i2), Vector512.Create(i3));
            }
            var bi = k0 * bStride;
            for (var k = k0; k < k1; k++, bi += bStride)
            {
                var xk = Vector512.LoadUnsafe(ref Unsafe.Add(ref x.Row(k), c));
                a0 = Vector512.FusedMultiplyAdd(xk, Vector512.Create(Unsafe.Add(ref b0, bi)), a0);
                a1 = Vector512.FusedMultiplyAdd(xk, Vector512.Create(Unsafe.Add(ref b1, bi)), a1);
                a2 = Vector512.FusedMultiplyAdd(xk, Vector512.Create(Unsafe.Add(ref b2, bi)), a2);
                a3 = Vector512.FusedMultiplyAdd(xk, Vector512.Create(Unsafe.Add(ref b3, bi)), a3);
            }
            a0.StoreUnsafe(ref o0, u);
            a1.StoreUnsafe(ref o1, u);
            a2.StoreUnsafe(ref o2, u);
            a3.StoreUnsafe(ref o3, u);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Single<TB, TX>(TB b, nint bStride, TX x, int r, int c, int units, int k0, int k1, ref double o, bool accumulate, double init)
        where TB : struct, IRows where TX : struct, IRows
    {
        ref var b0 = ref b.Row(r);
        var end = (nuint)units * 8;
        nuint u = 0;
        // 4 units at once (a lone row such as the output neuron's): 4 independent sums, so each FMA
        // does not wait for the one before it (one sum at a time was latency-bound, 4x slower).
        for (; u + 32 <= end; u += 32)
        {
            ref var ou = ref Unsafe.Add(ref o, u);
            var (a0, a1, a2, a3) = accumulate ? Load4(ref ou) : (Vector512.Create(init), Vector512.Create(init), Vector512.Create(init), Vector512.Create(init));
            var bi = k0 * bStride;
            for (var k = k0; k < k1; k++, bi += bStride)
            {
                ref var xk = ref Unsafe.Add(ref x.Row(k), (nint)c + (nint)u);
                var w = Vector512.Create(Unsafe.Add(ref b0, bi));
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xk), w, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xk, 8), w, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xk, 16), w, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xk, 24), w, a3);
            }
            Store4(ref ou, a0, a1, a2, a3);
        }
        for (; u < end; u += 8)
        {
            var a = accumulate ? Vector512.LoadUnsafe(ref o, u) : Vector512.Create(init);
            var bi = k0 * bStride;
            for (var k = k0; k < k1; k++, bi += bStride)
            {
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref x.Row(k), (nint)c + (nint)u)), Vector512.Create(Unsafe.Add(ref b0, bi)), a);
            }
            a.StoreUnsafe(ref o, u);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>) Load4(ref double o) =>
        (Vector512.LoadUnsafe(ref o), Vector512.LoadUnsafe(ref o, 8), Vector512.LoadUnsafe(ref o, 16), Vector512.LoadUnsafe(ref o, 24));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(ref double o, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3)
    {
        v0.StoreUnsafe(ref o);
        v1.StoreUnsafe(ref o, 8);
        v2.StoreUnsafe(ref o, 16);
        v3.StoreUnsafe(ref o, 24);
    }
}
