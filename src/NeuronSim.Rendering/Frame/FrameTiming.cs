using System.Diagnostics;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Rendering.Frame;

/// <summary>What one frame of a network costs to draw at a given size.</summary>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Milliseconds">Median time of one frame, with the weights changed by one epoch before each.</param>
/// <param name="Percentile95">95th percentile of the same.</param>
public sealed record FrameTime(int[] Hidden, double Milliseconds, double Percentile95);

/// <summary>Times the frame renderer as the live window uses it: one epoch of training, then a full redraw.</summary>
public static class FrameTiming
{
    /// <summary>
    /// Median and 95th percentile of drawing <paramref name="frames"/> frames of a network with
    /// <paramref name="hidden"/> on xor at <paramref name="width"/> x <paramref name="height"/>;
    /// the weights change before each frame so the decision boundary is recomputed every time.
    /// The training step itself is not timed.
    /// </summary>
    public static FrameTime Measure(int[] hidden, int frames = 40, int width = 1280, int height = 800)
    {
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Activation.Sigmoid, true, 1), DataSets.Xor(), TrainingOptions.Unbounded);
        using var renderer = new FrameRenderer();
        using var frame = new FrameBuffer(width, height);
        var view = new ViewState { Playing = true, EpochsPerFrame = 1 };
        simulation.Step(10);
        for (var k = 0; k < 3; k++) renderer.Render(frame, simulation, view);
        var times = new double[frames];
        for (var k = 0; k < frames; k++)
        {
            simulation.Step();
            var watch = Stopwatch.StartNew();
            renderer.Render(frame, simulation, view);
            times[k] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new FrameTime(hidden, times[frames / 2], times[(int)(frames * 0.95)]);
    }
}
