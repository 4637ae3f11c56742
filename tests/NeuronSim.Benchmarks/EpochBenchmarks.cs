using BenchmarkDotNet.Attributes;
using NeuronSim.Benchmarking;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Benchmarks;

/// <summary>One training epoch: the ECS simulation against the plain dense reference (the baseline).</summary>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    private TrainingSimulation _simulation = null!;
    private DenseReference _dense = null!;

    /// <summary>The data set.</summary>
    [Params("xor", "linear")]
    public string Data { get; set; } = "xor";

    /// <summary>Units in each of the two hidden layers.</summary>
    [Params(4, 10, 100, 400)]
    public int Hidden { get; set; }

    /// <summary>Builds both networks with the same initial weights.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _simulation = new TrainingSimulation(NetworkSpec.Uniform([Hidden, Hidden], Activation.Sigmoid, true, 1), DataSets.ByName(Data), TrainingOptions.Unbounded);
        _dense = new DenseReference(_simulation);
    }

    /// <summary>Plain scalar loops over double[].</summary>
    [Benchmark(Baseline = true)]
    public double Dense() => _dense.Step();

    /// <summary>One tick of the ECS systems.</summary>
    [Benchmark]
    public double Ecs()
    {
        _simulation.Step();
        return _simulation.Loss;
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => _simulation.Dispose();
}
