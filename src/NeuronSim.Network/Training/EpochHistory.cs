using System.Collections;
using System.Runtime.InteropServices;

namespace NeuronSim.Network.Training;

/// <summary>
/// One value per epoch in bounded memory: the first <see cref="ExactEpochs"/> epochs exactly (every
/// run of the lab's 100000-epoch cap is kept whole), then the rest in at most <see cref="TailBuckets"/>
/// buckets of consecutive epochs, each keeping the minimum, maximum and last value; when the buckets
/// are full, neighbours merge and each bucket covers twice as many epochs. About 2.4 MB at most,
/// however long training runs. Index i is epoch i + 1; past the exact part it reads its bucket's last value.
/// </summary>
public sealed class EpochHistory : IReadOnlyList<double>
{
    /// <summary>Epochs kept exactly.</summary>
    public const int ExactEpochs = 100_000;

    /// <summary>The most buckets kept after the exact part.</summary>
    public const int TailBuckets = 65_536;

    private readonly List<double> _exact;
    private Bucket[] _tail = [];
    private int _tailCount;
    private long _stride = 1;
    private long _count;

    /// <summary>An empty history with room reserved for <paramref name="expectedEpochs"/> exact values (at most <see cref="ExactEpochs"/>).</summary>
    public EpochHistory(int expectedEpochs = 0) => _exact = new List<double>(Math.Clamp(expectedEpochs, 0, ExactEpochs));

    /// <summary>A bucket of consecutive epochs past the exact part.</summary>
    /// <param name="FirstEpoch">Its first epoch (1-based).</param>
    /// <param name="Epochs">How many epochs it covers so far.</param>
    /// <param name="Min">The smallest value in it.</param>
    /// <param name="Max">The largest value in it.</param>
    /// <param name="Last">Its last epoch's value.</param>
    public readonly record struct Bucket(long FirstEpoch, long Epochs, double Min, double Max, double Last);

    /// <summary>Epochs recorded.</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>The exact values, epoch 1 first.</summary>
    public ReadOnlySpan<double> Exact => CollectionsMarshal.AsSpan(_exact);

    /// <summary>The buckets past the exact part, oldest first.</summary>
    public ReadOnlySpan<Bucket> Tail => _tail.AsSpan(0, _tailCount);

    /// <summary>The value of epoch <paramref name="index"/> + 1 (past the exact part: the last value of its bucket).</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (ulong)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return index < _exact.Count ? _exact[index] : _tail[(index - ExactEpochs) / _stride].Last;
        }
    }

    /// <summary>The last value recorded (NaN when empty).</summary>
    public double Last => _count == 0 ? double.NaN : this[Count - 1];

    /// <summary>Records the next epoch's value.</summary>
    public void Add(double value)
    {
        if (_exact.Count < ExactEpochs)
        {
            _exact.Add(value);
            _count++;
            return;
        }
        if (_tail.Length == 0) _tail = new Bucket[TailBuckets];
        var offset = _count - ExactEpochs;
        if (offset / _stride >= TailBuckets) Merge();
        var index = (int)(offset / _stride);
        if (index == _tailCount) _tail[_tailCount++] = new Bucket(_count + 1, 1, value, value, value);
        else
        {
            var b = _tail[index];
            _tail[index] = b with { Epochs = b.Epochs + 1, Min = Math.Min(b.Min, value), Max = Math.Max(b.Max, value), Last = value };
        }
        _count++;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _exact.Clear();
        _tailCount = 0;
        _stride = 1;
        _count = 0;
    }

    /// <inheritdoc />
    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Merge()
    {
        for (var i = 0; i < _tailCount / 2; i++)
        {
            var (a, b) = (_tail[2 * i], _tail[2 * i + 1]);
            _tail[i] = new Bucket(a.FirstEpoch, a.Epochs + b.Epochs, Math.Min(a.Min, b.Min), Math.Max(a.Max, b.Max), b.Last);
        }
        _tailCount /= 2;
        _stride *= 2;
    }
}
