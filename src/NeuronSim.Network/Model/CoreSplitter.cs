namespace NeuronSim.Network.Model;

/// <summary>A piece of work split in two halves that may run on different cores.</summary>
internal interface ISplitWork
{
    /// <summary>Runs half <paramref name="half"/> (0 or 1).</summary>
    void Run(int half);
}

/// <summary>
/// Runs the two halves of a piece of work on two cores without allocating: the caller runs
/// half 0 while one long-lived helper thread runs half 1. When the helper is busy (another
/// simulation is using it, as in parallel experiments) the caller simply runs both halves, so
/// concurrent simulations never oversubscribe the cores.
/// </summary>
internal static class CoreSplitter
{
    private static readonly Lock _start = new();
    private static readonly ManualResetEventSlim _workReady = new(false, spinCount: 2000);
    private static readonly ManualResetEventSlim _workDone = new(false, spinCount: 2000);
    private static ISplitWork? _work;
    private static Exception? _failure;
    private static int _busy;
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
            _work = work;
            _failure = null;
            _workDone.Reset();
            _workReady.Set();
            work.Run(0);
            _workDone.Wait();
            _work = null;
            if (_failure is not null) throw new AggregateException(_failure);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static void EnsureHelper()
    {
        if (_helper is not null) return;
        lock (_start)
        {
            if (_helper is not null) return;
            // A blocking wait lazily allocates the event's lock object: do that now, not in a tick.
            _workDone.Wait(1);
            _helper = new Thread(HelperLoop) { IsBackground = true, Name = "NeuronSim kernel helper" };
            _helper.Start();
        }
    }

    private static void HelperLoop()
    {
        while (true)
        {
            _workReady.Wait();
            _workReady.Reset();
            try
            {
                _work!.Run(1);
            }
            catch (Exception error)
            {
                _failure = error;
            }
            _workDone.Set();
        }
    }
}
