using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>The per-epoch history stays exact for the lab's runs and bounded for endless ones.</summary>
public class EpochHistoryTests
{
    [Fact]
    public void The_first_100000_epochs_are_exact()
    {
        var history = new EpochHistory(10);
        for (var e = 0; e < EpochHistory.ExactEpochs; e++) history.Add(e * 0.5);
        Assert.Equal(EpochHistory.ExactEpochs, history.Count);
        Assert.Equal(0.5 * 12345, history[12345]);
        Assert.Equal(0, history.Tail.Length);
    }

    [Fact]
    public void An_endless_run_keeps_bounded_memory_with_min_max_and_last_per_bucket()
    {
        var history = new EpochHistory();
        const long epochs = EpochHistory.ExactEpochs + 10L * EpochHistory.TailBuckets + 3;
        for (long e = 1; e <= epochs; e++) history.Add(e % 2 == 0 ? -e : e);
        Assert.Equal((int)epochs, history.Count);
        Assert.InRange(history.Tail.Length, EpochHistory.TailBuckets / 2, EpochHistory.TailBuckets);
        var covered = 0L;
        foreach (var bucket in history.Tail)
        {
            Assert.Equal(EpochHistory.ExactEpochs + 1 + covered, bucket.FirstEpoch);
            var last = bucket.FirstEpoch + bucket.Epochs - 1;
            Assert.Equal(last % 2 == 0 ? -last : last, bucket.Last);
            Assert.True(bucket.Min <= bucket.Last && bucket.Last <= bucket.Max);
            covered += bucket.Epochs;
        }
        Assert.Equal(epochs - EpochHistory.ExactEpochs, covered);
        Assert.Equal(-(epochs - 1), history.Tail[^1].Min);
        Assert.Equal(epochs, history.Last);
    }

    [Fact]
    public void Recording_past_the_exact_part_does_not_allocate_once_the_buckets_exist()
    {
        var history = new EpochHistory();
        for (var e = 0; e < EpochHistory.ExactEpochs + 10; e++) history.Add(e);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < 5 * EpochHistory.TailBuckets; e++) history.Add(e);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
