using BenchmarkDotNet.Attributes;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Benchmarks;

/// <summary>One 1280x800 frame of the live window, headless.</summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private TrainingSimulation _simulation = null!;
    private FrameRenderer _renderer = null!;
    private FrameBuffer _frame = null!;
    private readonly ViewState _view = new() { Playing = true, EpochsPerFrame = 1 };

    /// <summary>Units in each of the two hidden layers.</summary>
    [Params(4, 100, 400)]
    public int Hidden { get; set; }

    /// <summary>An XOR network after 10 epochs, a renderer and a frame.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _simulation = new TrainingSimulation(NetworkSpec.Uniform([Hidden, Hidden], Activation.Sigmoid, true, 1), DataSets.Xor(), TrainingOptions.Unbounded);
        _simulation.Step(10);
        _renderer = new FrameRenderer();
        _frame = new FrameBuffer(1280, 800);
    }

    /// <summary>A redraw with unchanged weights (the decision boundary is reused).</summary>
    [Benchmark]
    public void Redraw() => _renderer.Render(_frame, _simulation, _view);

    /// <summary>One epoch of training, then a frame whose decision boundary must be recomputed.</summary>
    [Benchmark]
    public void EpochThenFrame()
    {
        _simulation.Step();
        _renderer.Render(_frame, _simulation, _view);
    }

    /// <summary>Releases the native resources.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _frame.Dispose();
        _renderer.Dispose();
        _simulation.Dispose();
    }
}
