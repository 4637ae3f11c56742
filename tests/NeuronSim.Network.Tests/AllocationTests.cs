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
    public void Ticks_allocate_zero_bytes_after_warm_up(string data, int[] hidden, bool bias)
    {
        var options = new TrainingOptions { TargetLoss = 0, MaxEpochs = 100_000 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Activation.Sigmoid, bias, 1), DataSets.ByName(data), options);
        simulation.Step(50);

        var before = GC.GetAllocatedBytesForCurrentThread();
        simulation.Step(500);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(550, simulation.Epoch);
        Assert.Equal(0, allocated);
    }
}
