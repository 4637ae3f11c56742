using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NeuronSim.Network.Model;

/// <summary>A piece of work split in two halves that may run on different cores.</summary>
internal interface ISplitWork
{
    /// <summary>Runs half <paramref name="half"/> (0 or 1).</summary>
    void Run(int half);
}

/// <summary>
/// Runs the two halves of a piece of work on two cores without allocating: the caller runs
/// half 0 while one long-lived helper thread runs half 1. Half 1 goes to whoever claims it
/// first: when the caller finishes its half before the helper has woken (a busy machine
/// deschedules it), the caller runs half 1 itself instead of waiting, so a late helper never
/// stalls a product. When the helper is busy (another simulation is using it, as in parallel
/// experiments) the caller runs both halves, so concurrent simulations never oversubscribe the cores.
/// After each half the helper keeps polling for new work for <see cref="StayAwake"/> before it
/// sleeps: in a training epoch the next product follows within tens of microseconds, sooner than a
/// sleeping thread wakes on this machine (then the caller would run both halves itself).
/// </summary>
internal static class CoreSplitter
{
    /// <summary>How long the helper polls for the next piece of work before it sleeps.</summary>
    public static readonly TimeSpan StayAwake = TimeSpan.FromMicroseconds(300);

    private static readonly Lock _start = new();
    private static readonly ManualResetEventSlim _workReady = new(false, spinCount: 2000);
    private static readonly ManualResetEventSlim _workDone = new(false, spinCount: 2000);
    private static ISplitWork? _work;
    private static Exception? _failure;
    private static int _busy;
    private static long _posted;
    private static long _claimed;
    private static Thread? _helper;

    /// <summary>Runs <paramref name="work"/>'s halves, on two cores when the helper is free and the machine has two.</summary>
    public static void Run(ISplitWork work)
    {
        if (Environment.ProcessorCount < 2 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            work.Run(0);
            work.Run(1);
            return;
        }
        try
        {
            EnsureHelper();
            var generation = _posted + 1;
            _work = work;
            _failure = null;
            _workDone.Reset();
            Volatile.Write(ref _posted, generation);
            _workReady.Set();
            Exception? own = null;
            try
            {
                work.Run(0);
            }
            catch (Exception error)
            {
                own = error;
            }
            // Never leave while the helper may still be running half 1 of this work.
            if (Claim(generation))
            {
                if (own is null) work.Run(1);
            }
            else
            {
                _workDone.Wait();
            }
            if (own is not null) ExceptionDispatchInfo.Throw(own);
            if (_failure is not null) throw new AggregateException(_failure);
        }
        finally
        {
            _work = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Takes half 1 of <paramref name="generation"/>; false when the other side already has.</summary>
    private static bool Claim(long generation) => Interlocked.CompareExchange(ref _claimed, generation, generation - 1) == generation - 1;

    private static void EnsureHelper()
    {
        if (_helper is not null) return;
        lock (_start)
        {
            if (_helper is not null) return;
            // A blocking wait lazily allocates the event's lock object: do that now, not in a tick.
            _workDone.Wait(1);
            _workReady.Wait(1);
            _helper = new Thread(HelperLoop) { IsBackground = true, Name = "NeuronSim kernel helper" };
            _helper.Start();
        }
    }

    private static void HelperLoop()
    {
        var stayAwake = (long)(StayAwake.TotalSeconds * Stopwatch.Frequency);
        var seen = 0L;
        while (true)
        {
            var awakeUntil = Stopwatch.GetTimestamp() + stayAwake;
            while (Volatile.Read(ref _posted) == seen && Stopwatch.GetTimestamp() < awakeUntil) Thread.SpinWait(20);
            if (Volatile.Read(ref _posted) == seen) _workReady.Wait();
            _workReady.Reset();
            var generation = Volatile.Read(ref _posted);
            seen = generation;
            var work = _work;
            // The caller may have run half 1 already (and even posted newer work, whose wake-up this
            // Reset may have swallowed: that caller then runs its half 1 itself too).
            if (work is null || !Claim(generation)) continue;
            try
            {
                work.Run(1);
            }
            catch (Exception error)
            {
                _failure = error;
            }
            _workDone.Set();
        }
    }
}
