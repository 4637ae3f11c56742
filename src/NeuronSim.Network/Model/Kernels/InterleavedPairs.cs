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
/// network's 160,400 weights. The caller moves the pairs left (and all of them off the 512-bit
/// path) one by one: for the lab's small chunks even this call would cost more than it saves.
/// </summary>
internal static class InterleavedPairs
{
    // Permute indices, built once (a tick moves the weights of a small network in tens of nanoseconds).
    private static readonly Vector512<long>[] Picks = [Pick(0), Pick(1)];
    private static readonly (Vector512<long> Low, Vector512<long> High)[] Inserts = [(InsertIndices(0, 0), InsertIndices(0, 4)), (InsertIndices(1, 0), InsertIndices(1, 4))];

    /// <summary>Fewer pairs than this go one by one: for the lab's 8 and 16 weights the permutes' set-up costs more than it saves.</summary>
    public const int MinimumPairs = 64;

    /// <summary>Whether <paramref name="path"/> takes the 8-pair steps on this CPU.</summary>
    public static bool Vectorized(KernelPath path) => path == KernelPath.Vector512 && Avx512F.IsSupported;

    /// <summary>
    /// dense[i] = pairs[2 i + field] (field 0: the values, 1: the grads) for i below the returned
    /// count: the largest multiple of 8 in <paramref name="dense"/>'s length on the 512-bit path from
    /// <see cref="MinimumPairs"/> pairs on, else 0.
    /// </summary>
    public static int Extract(ReadOnlySpan<double> pairs, int field, Span<double> dense, KernelPath path)
    {
        CheckLengths(pairs, dense);
        if (dense.Length < MinimumPairs || !Vectorized(path)) return 0;
        ref var p = ref MemoryMarshal.GetReference(pairs);
        ref var d = ref MemoryMarshal.GetReference(dense);
        var i = 0;
        for (; i + 8 <= dense.Length; i += 8)
        {
            var low = Vector512.LoadUnsafe(ref p, (nuint)(2 * i));
            var high = Vector512.LoadUnsafe(ref p, (nuint)(2 * i + 8));
            Take(low, high, field).StoreUnsafe(ref d, (nuint)i);
        }
        return i;
    }

    /// <summary>pairs[2 i + field] = dense[i] for i below the returned count (as <see cref="Extract"/>); the other field of each pair is kept.</summary>
    public static int Insert(ReadOnlySpan<double> dense, Span<double> pairs, int field, KernelPath path)
    {
        CheckLengths(pairs, dense);
        if (dense.Length < MinimumPairs || !Vectorized(path)) return 0;
        ref var p = ref MemoryMarshal.GetReference(pairs);
        ref var d = ref MemoryMarshal.GetReference(dense);
        var i = 0;
        for (; i + 8 <= dense.Length; i += 8)
        {
            var values = Vector512.LoadUnsafe(ref d, (nuint)i);
            var low = Vector512.LoadUnsafe(ref p, (nuint)(2 * i));
            var high = Vector512.LoadUnsafe(ref p, (nuint)(2 * i + 8));
            (low, high) = Put(low, high, values, field);
            low.StoreUnsafe(ref p, (nuint)(2 * i));
            high.StoreUnsafe(ref p, (nuint)(2 * i + 8));
        }
        return i;
    }

    /// <summary>The <paramref name="field"/> of each of the 8 pairs in (<paramref name="low"/>, <paramref name="high"/>), in order (AVX-512F only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Take(Vector512<double> low, Vector512<double> high, int field) => Avx512F.PermuteVar8x64x2(low, Picks[field], high);

    /// <summary>The 8 pairs in (<paramref name="low"/>, <paramref name="high"/>) with their <paramref name="field"/> replaced by <paramref name="values"/> (AVX-512F only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Low, Vector512<double> High) Put(Vector512<double> low, Vector512<double> high, Vector512<double> values, int field)
    {
        var (toLow, toHigh) = Inserts[field];
        return (Avx512F.PermuteVar8x64x2(low, toLow, values), Avx512F.PermuteVar8x64x2(high, toHigh, values));
    }

    /// <summary>Permute indices: lanes field, field + 2, ... of the 16 doubles in (low, high).</summary>
    private static Vector512<long> Pick(int field) => Vector512.Create(0L, 2, 4, 6, 8, 10, 12, 14) + Vector512.Create((long)field);

    /// <summary>
    /// Permute indices for 4 pairs: the pair's own lane (0-7, the first source) where it keeps its
    /// double, dense value first + m (8 + first + m, the second source) in pair m's lane <paramref name="field"/>.
    /// </summary>
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
        if (pairs.Length != 2 * dense.Length) Refuse(pairs.Length, dense.Length);
    }

    private static void Refuse(int doubles, int pairs) => throw new ArgumentException($"{doubles} doubles are not {pairs} pairs");
}
