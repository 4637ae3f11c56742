using System.Diagnostics;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Benchmarking;

/// <summary>One measured case: the ECS simulation and the dense reference on the same network and data.</summary>
/// <param name="Data">The data set's name.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Samples">Points in the batch.</param>
/// <param name="FlopsPerEpoch">FLOPs of one epoch (see <see cref="FlopCount"/>).</param>
/// <param name="EcsMicroseconds">ECS time per epoch.</param>
/// <param name="DenseMicroseconds">Dense reference time per epoch.</param>
/// <param name="EcsBytesPerEpoch">Bytes the ECS allocated per epoch on the training thread after warm-up.</param>
/// <param name="FirstLosses">The ECS's losses of epochs 1 to 3 (a peer started from the same weights must see the same).</param>
public sealed record BenchResult(string Data, int[] Hidden, int Samples, double FlopsPerEpoch,
    double EcsMicroseconds, double DenseMicroseconds, double EcsBytesPerEpoch, double[] FirstLosses)
{
    /// <summary>ECS GFLOP/s.</summary>
    public double EcsGflops => FlopsPerEpoch / EcsMicroseconds / 1e3;

    /// <summary>Dense reference GFLOP/s.</summary>
    public double DenseGflops => FlopsPerEpoch / DenseMicroseconds / 1e3;

    /// <summary>ECS time over dense time (below 1: the ECS is faster).</summary>
    public double Ratio => EcsMicroseconds / DenseMicroseconds;
}

/// <summary>Times ECS training against the dense reference, side by side in one process.</summary>
public static class BenchRunner
{
    /// <summary>The cases of the performance issue: (4,4), (10,10), (100,100), (400,400) on xor and linear.</summary>
    public static IEnumerable<(string Data, int[] Hidden)> DefaultCases() =>
        from data in new[] { "xor", "linear" }
        from hidden in new[] { new[] { 4, 4 }, [10, 10], [100, 100], [400, 400] }
        select (data, hidden);

    /// <summary>
    /// Measures one case for about <paramref name="seconds"/> per side; with <paramref name="peerCase"/>,
    /// first writes the untrained network and its data there for the peers (<see cref="PeerCase"/>).
    /// </summary>
    public static BenchResult Measure(string data, int[] hidden, double seconds = 0.5, string? peerCase = null)
    {
        var set = DataSets.ByName(data);
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Network.Components.Activation.Sigmoid, true, 1), set, TrainingOptions.Unbounded);
        var dense = new DenseReference(simulation);
        var flops = FlopCount.PerEpoch(simulation.Spec.LayerSizes, set.Count);
        if (peerCase is not null) PeerCase.Write(simulation, peerCase);

        simulation.Step(3);
        // Allocation over 200 warm ticks, inside the loss history's reserved room (a run of more than
        // 100000 epochs, as the timing loop below may make, grows the history list now and then).
        var before = GC.GetAllocatedBytesForCurrentThread();
        simulation.Step(200);
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 200.0;
        var ecs = Time(() => simulation.Step(), seconds, out _);
        dense.Step();
        var reference = Time(() => dense.Step(), seconds, out _);
        return new BenchResult(data, hidden, set.Count, flops, ecs, reference, allocated, simulation.Context.LossHistory.Take(3).ToArray());
    }

    /// <summary>
    /// Microseconds per epoch of the ECS training <paramref name="hidden"/> on <paramref name="data"/> in
    /// mini-batches of <paramref name="batchSize"/> (one optimizer step per batch), timed as <see cref="Measure"/> does.
    /// </summary>
    public static double MeasureMiniBatches(string data, int[] hidden, int batchSize, double seconds = 0.5)
    {
        var options = TrainingOptions.Unbounded with { BatchSize = batchSize, ShuffleSeed = 1 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Network.Components.Activation.Sigmoid, true, 1), DataSets.ByName(data), options);
        simulation.Step(3);
        return Time(() => simulation.Step(), seconds, out _);
    }

    /// <summary>Runs a small case briefly so the first measured case does not pay for the JIT.</summary>
    public static void WarmUp() => Measure("xor", [10, 10], 0.2);

    /// <summary>
    /// Bytes a network world of <paramref name="hidden"/> keeps alive (entity table, chunks of
    /// neurons and weights, the neurons' batch vectors for <paramref name="samples"/> points),
    /// divided by its number of weight entities.
    /// </summary>
    public static double WorldBytesPerWeight(int[] hidden, int samples)
    {
        var spec = NetworkSpec.Uniform(hidden, Network.Components.Activation.Sigmoid, true, 1);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var world = Ecs.World.Create();
        NetworkBuilder.Build(world, spec, samples);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var weights = world.CountEntities(new Ecs.QueryDescription().WithAll<Network.Components.Weight>());
        GC.KeepAlive(world);
        return (after - before) / (double)weights;
    }

    /// <summary>
    /// Microseconds per call of <paramref name="epoch"/> over about <paramref name="seconds"/>: the
    /// fastest of many windows of about 5 ms (batches doubled up to that), so other processes on a
    /// shared machine slow some windows but not the result.
    /// </summary>
    private static double Time(Action epoch, double seconds, out long epochs)
    {
        var watch = Stopwatch.StartNew();
        epochs = 0;
        var batch = 1L;
        var best = double.PositiveInfinity;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var start = watch.Elapsed.TotalMicroseconds;
            for (var k = 0; k < batch; k++) epoch();
            var window = watch.Elapsed.TotalMicroseconds - start;
            epochs += batch;
            best = Math.Min(best, window / batch);
            if (window < 5000) batch = Math.Min(batch * 2, 1 << 20);
        }
        return best;
    }
}
