namespace NeuronSim.Network.Training;

/// <summary>
/// Which points each optimizer step uses. Full batch (the lab's): every point, in order, one step
/// per epoch. Mini-batches of k: the points reshuffled at the start of every epoch (a seeded
/// Fisher-Yates shuffle), then taken k at a time; the last batch is smaller when k does not divide n.
/// </summary>
public sealed class BatchSchedule
{
    private readonly int[] _order;
    private readonly Random _shuffle;
    private int _next;

    /// <summary>A schedule over <paramref name="points"/> points in batches of <paramref name="batchSize"/>.</summary>
    public BatchSchedule(int points, int batchSize, int shuffleSeed)
    {
        if (batchSize < 1 || batchSize > points) throw new ArgumentOutOfRangeException(nameof(batchSize));
        _order = Enumerable.Range(0, points).ToArray();
        _shuffle = new Random(shuffleSeed);
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

    /// <summary>Moves to the next batch, reshuffling when a new epoch starts.</summary>
    public void Advance()
    {
        if (_next == 0 && !FullBatch)
        {
            for (var i = _order.Length - 1; i > 0; i--)
            {
                var j = _shuffle.Next(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }
        Start = _next;
        Count = Math.Min(BatchSize, _order.Length - Start);
        _next = Start + Count == _order.Length ? 0 : Start + Count;
    }
}
