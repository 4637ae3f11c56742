namespace NeuronSim.Network.Model;

/// <summary>
/// How a list of pieces of work (chunks of entities) splits for <see cref="CoreSplitter"/>: at
/// <see cref="Middle"/>, into two halves of about equal size, and only when there is enough work
/// (<see cref="MinimumToSplit"/>) to pay for waking the second core.
/// </summary>
/// <param name="Middle">The first piece of the second half.</param>
/// <param name="Split">Whether the work is large enough to run on both cores.</param>
internal readonly record struct WorkHalves(int Middle, bool Split)
{
    /// <summary>Below this many items (entities, weights) a loop runs on the calling core only.</summary>
    public const int MinimumToSplit = 4096;

    /// <summary>The halves of <paramref name="pieces"/>, each of <paramref name="size"/> items.</summary>
    public static WorkHalves Of<T>(IReadOnlyList<T> pieces, Func<T, int> size)
    {
        var total = pieces.Sum(size);
        var (middle, seen) = (0, 0);
        while (middle < pieces.Count && seen + size(pieces[middle]) <= total / 2) seen += size(pieces[middle++]);
        return new WorkHalves(middle, total >= MinimumToSplit);
    }

    /// <summary>The pieces [Start, End) of half <paramref name="half"/> (0 or 1) of <paramref name="count"/> pieces.</summary>
    public (int Start, int End) Range(int half, int count) => half == 0 ? (0, Middle) : (Middle, count);
}
