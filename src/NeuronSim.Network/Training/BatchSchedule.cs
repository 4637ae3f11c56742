namespace NeuronSim.Network.Training;

/// <summary>
/// Which points each optimizer step uses. Full batch (the lab's): every point, in order, one step
/// per epoch. Mini-batches of k: at the start of epoch e the points are put in a fresh random order
/// (a Fisher-Yates shuffle of 0..n-1 driven by SplitMix64 seeded with (seed, e), so the order of an
/// epoch depends on nothing else and a run continued from a checkpoint draws the same batches),
/// then taken k at a time; the last batch is smaller when k does not divide n.
/// </summary>
public sealed class BatchSchedule
{
    private readonly int[] _order;
    private readonly int _seed;
    private int _next;

    /// <summary>A schedule over <paramref name="points"/> points in batches of <paramref name="batchSize"/>.</summary>
    public BatchSchedule(int points, int batchSize, int shuffleSeed)
    {
        if (batchSize < 1 || batchSize > points) throw new ArgumentOutOfRangeException(nameof(batchSize));
        _order = Enumerable.Range(0, points).ToArray();
        _seed = shuffleSeed;
        BatchSize = batchSize;
        if (FullBatch) Count = points; // the one batch is always current: a step may reuse the last evaluation
    }

    /// <summary>The most points in one batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether every step uses every point (no shuffle).</summary>
    public bool FullBatch => BatchSize == _order.Length;

    /// <summary>The points of the current batch, as indices into the data set.</summary>
    public ReadOnlySpan<int> Current => _order.AsSpan(Start, Count);

    /// <summary>Where the current batch starts in this epoch's order.</summary>
    public int Start { get; private set; }

    /// <summary>How many points the current batch has.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the current batch is the epoch's last.</summary>
    public bool EndsEpoch => Start + Count == _order.Length;

    /// <summary>The epoch (from 0) that the next epoch's first batch shuffles for.</summary>
    public long NextEpoch { get; set; }

    /// <summary>Moves to the next batch, drawing a new order when a new epoch starts.</summary>
    public void Advance()
    {
        if (_next == 0 && !FullBatch) Shuffle(NextEpoch);
        if (_next == 0) NextEpoch++;
        Start = _next;
        Count = Math.Min(BatchSize, _order.Length - Start);
        _next = Start + Count == _order.Length ? 0 : Start + Count;
    }

    private void Shuffle(long epoch)
    {
        for (var i = 0; i < _order.Length; i++) _order[i] = i;
        var state = (ulong)(uint)_seed * 0x9E3779B97F4A7C15UL ^ (ulong)epoch * 0xD1B54A32D192ED03UL;
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = (int)Math.BigMul(SplitMix64(ref state), (ulong)(i + 1), out _);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    /// <summary>The next output of SplitMix64 (Steele, Lea and Flood 2014).</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
