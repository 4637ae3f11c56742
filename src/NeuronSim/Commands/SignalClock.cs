using System.Diagnostics;

namespace NeuronSim.Commands;

/// <summary>How long ago a cancellation token was cancelled (Ctrl+C, SIGTERM): for work that is cheap enough to finish for a moment after the signal, and no longer.</summary>
public sealed class SignalClock : IDisposable
{
    private readonly CancellationTokenRegistration _registration;
    private long _cancelledAt;

    /// <summary>Starts timing from the moment <paramref name="token"/> is cancelled.</summary>
    public SignalClock(CancellationToken token)
    {
        _registration = token.Register(() => Interlocked.CompareExchange(ref _cancelledAt, Stopwatch.GetTimestamp(), 0));
    }

    /// <summary>The time since the token was cancelled, or null when it was not.</summary>
    public TimeSpan? Elapsed => Interlocked.Read(ref _cancelledAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    /// <inheritdoc />
    public void Dispose() => _registration.Dispose();
}
