using NeuronSim.Experiments.Runs;

namespace NeuronSim.Experiments.Tests;

/// <summary>Collects a runner's events (from its worker threads) and optionally reacts to each.</summary>
internal sealed class ListProgress(List<RunEvent> events, Action<RunEvent>? also = null) : IProgress<RunEvent>
{
    public void Report(RunEvent value)
    {
        lock (events) events.Add(value);
        also?.Invoke(value);
    }
}
