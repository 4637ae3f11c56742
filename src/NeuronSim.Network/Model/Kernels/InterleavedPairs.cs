using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// One field of a span of (value, grad) pairs, such as the <see cref="Components.Weight"/>
/// components of a chunk, moved to or from a dense span: dense[i] = pairs[2 i + field] or back.
/// On the 512-bit path 8 pairs go per step, two loads and one two-source permute (AVX-512F
/// vpermt2pd) instead of 8 strided scalar moves, which halved the gather of a (400,400)
/// network's 160,400 weights; elsewhere, and for the last pairs, a scalar loop. Both paths move
/// the same doubles, so the results are identical.
/// </summary>
internal static class InterleavedPairs
{
    /// <summary>Whether <paramref name="path"/> takes the 8-pair steps on this CPU.</summary>
    public static bool Vectorized(KernelPath path) => path == KernelPath.Vector512 && Avx512F.IsSupported;

    /// <summary>dense[i] = pairs[2 i + field] for every i of <paramref name="dense"/> (field 0: the values, 1: the grads).</summary>
    public static void Extract(ReadOnlySpan<double> pairs, int field, Span<double> dense, KernelPath path)
    {
        CheckLengths(pairs, dense);
        var i = 0;
        if (Vectorized(path))
        {
            ref var p = ref MemoryMarshal.GetReference(pairs);
            ref var d = ref MemoryMarshal.GetReference(dense);
            // Lanes field, field + 2, ... of the 16 doubles in (low, high).
            var pick = Vector512.Create(0L, 2, 4, 6, 8, 10, 12, 14) + Vector512.Create((long)field);
            for (; i + 8 <= dense.Length; i += 8)
            {
                var low = Vector512.LoadUnsafe(ref p, (nuint)(2 * i));
                var high = Vector512.LoadUnsafe(ref p, (nuint)(2 * i + 8));
                Avx512F.PermuteVar8x64x2(low, pick, high).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < dense.Length; i++) dense[i] = pairs[2 * i + field];
    }

    /// <summary>pairs[2 i + field] = dense[i] for every i of <paramref name="dense"/>; the other field of each pair is kept.</summary>
    public static void Insert(ReadOnlySpan<double> dense, Span<double> pairs, int field, KernelPath path)
    {
        CheckLengths(pairs, dense);
        var i = 0;
        if (Vectorized(path))
        {
            ref var p = ref MemoryMarshal.GetReference(pairs);
            ref var d = ref MemoryMarshal.GetReference(dense);
            var (toLow, toHigh) = (InsertIndices(field, 0), InsertIndices(field, 4));
            for (; i + 8 <= dense.Length; i += 8)
            {
                var values = Vector512.LoadUnsafe(ref d, (nuint)i);
                var low = Vector512.LoadUnsafe(ref p, (nuint)(2 * i));
                var high = Vector512.LoadUnsafe(ref p, (nuint)(2 * i + 8));
                Avx512F.PermuteVar8x64x2(low, toLow, values).StoreUnsafe(ref p, (nuint)(2 * i));
                Avx512F.PermuteVar8x64x2(high, toHigh, values).StoreUnsafe(ref p, (nuint)(2 * i + 8));
            }
        }
        for (; i < dense.Length; i++) pairs[2 * i + field] = dense[i];
    }

    /// <summary>
    /// Permute indices for 4 pairs: the pair's own lane (0-7, the first source) where it keeps its
    /// double, dense value first + m (8 + first + m, the second source) in pair m's lane <paramref name="field"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> InsertIndices(int field, int first)
    {
        Span<long> lanes = stackalloc long[8];
        for (var m = 0; m < 4; m++)
        {
            lanes[2 * m + field] = (8 + first + m);
            lanes[2 * m + 1 - field] = (2 * m + 1 - field);
        }
        return Vector512.Create((ReadOnlySpan<long>)lanes);
    }

    private static void CheckLengths(ReadOnlySpan<double> pairs, ReadOnlySpan<double> dense)
    {
        if (pairs.Length != 2 * dense.Length) throw new ArgumentException($"{pairs.Length} doubles are not {dense.Length} pairs");
    }
}
