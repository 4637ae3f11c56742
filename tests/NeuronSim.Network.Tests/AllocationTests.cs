using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>A training tick allocates nothing once warm, on one core or (wide layers) on two.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("xor", new[] { 4, 4 }, true)]
    [InlineData("linear", new[] { 10, 10 }, false)]
    [InlineData("linear", new[] { 30, 20, 10 }, true)]
    [InlineData("linear", new[] { 120, 120 }, true)]
    [InlineData("xor", new[] { 4, 4 }, true, "momentum")]
    [InlineData("xor", new[] { 4, 4 }, true, "nesterov")]
    [InlineData("xor", new[] { 4, 4 }, false, "rmsprop")]
    [InlineData("linear", new[] { 10, 10 }, true, "adam", 16)]
    [InlineData("linear", new[] { 10, 10 }, true, "sgd", 7, 0.01)]
    public void Ticks_allocate_zero_bytes_after_warm_up(string data, int[] hidden, bool bias, string optimizer = "sgd", int batch = 0, double l2 = 0)
    {
        var options = new TrainingOptions
        {
            TargetLoss = 0,
            MaxEpochs = 100_000,
            LearningRate = 0.01,
            Optimizer = new OptimizerSettings { Kind = Systems.Optimizers.Parse(optimizer, "optimizer") },
            BatchSize = batch,
            L2 = l2,
            L1 = l2,
        };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Activation.Sigmoid, bias, 1), DataSets.ByName(data), options);
        simulation.Step(200);

        // Three windows of 300 ticks: a per-tick allocation shows in every window, while a one-off
        // lazy initialisation inside the runtime (seen once on a cold machine) can touch only one.
        var allocated = new long[3];
        for (var window = 0; window < allocated.Length; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            simulation.Step(300);
            allocated[window] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(1100, simulation.Epoch);
        Assert.True(allocated.Count(bytes => bytes == 0) >= 2, $"bytes allocated per 300 ticks: {string.Join(", ", allocated)}");
    }
}
