using BenchmarkDotNet.Attributes;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Benchmarks;

/// <summary>One epoch with each optimizer (and a mini-batch case): what the optimizer's state and update cost per tick beside plain SGD.</summary>
[MemoryDiagnoser]
public class OptimizerBenchmarks
{
    private TrainingSimulation _simulation = null!;

    /// <summary>The optimizer.</summary>
    [Params("sgd", "momentum", "rmsprop", "adam")]
    public string Optimizer { get; set; } = "sgd";

    /// <summary>Units in each of the two hidden layers (the data set: xor at 4, linear at 400).</summary>
    [Params(4, 400)]
    public int Hidden { get; set; }

    /// <summary>Points per step: 0 for the full batch.</summary>
    [Params(0, 32)]
    public int Batch { get; set; }

    /// <summary>Builds the network.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = DataSets.ByName(Hidden == 4 ? "xor" : "linear");
        var options = TrainingOptions.Unbounded with
        {
            LearningRate = 0.01,
            BatchSize = Math.Min(Batch, data.Count),
            Optimizer = new OptimizerSettings { Kind = NeuronSim.Network.Systems.Optimizers.Parse(Optimizer, "optimizer") },
        };
        _simulation = new TrainingSimulation(NetworkSpec.Uniform([Hidden, Hidden], Activation.Sigmoid, true, 1), data, options);
    }

    /// <summary>One epoch.</summary>
    [Benchmark]
    public double Epoch()
    {
        _simulation.Step();
        return _simulation.Loss;
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => _simulation.Dispose();
}
