using System.Diagnostics;

namespace NeuronSim.Live;

/// <summary>Measures a rate (epochs per second) over windows of about half a second.</summary>
public sealed class RateMeter
{
    private static readonly double TicksPerSecond = Stopwatch.Frequency;
    private long _windowStart = Stopwatch.GetTimestamp();
    private long _count;
    private long _calls;

    /// <summary>The rate measured over the last complete window (0 before the first).</summary>
    public double Rate { get; private set; }

    /// <summary>The mean amount per <see cref="Add"/> call over the last complete window (NaN before the first): epochs per frame.</summary>
    public double PerCall { get; private set; } = double.NaN;

    /// <summary>Counts <paramref name="amount"/> events that happened now.</summary>
    public void Add(long amount)
    {
        _count += amount;
        _calls++;
        var now = Stopwatch.GetTimestamp();
        var seconds = (now - _windowStart) / TicksPerSecond;
        if (seconds < 0.5) return;
        Rate = _count / seconds;
        PerCall = (double)_count / _calls;
        _count = 0;
        _calls = 0;
        _windowStart = now;
    }

    /// <summary>Forgets what was counted (the rate reads 0 until the next window completes).</summary>
    public void Reset()
    {
        _count = 0;
        _calls = 0;
        Rate = 0;
        PerCall = double.NaN;
        _windowStart = Stopwatch.GetTimestamp();
    }
}
