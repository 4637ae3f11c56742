using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>Builds small simulations, sets their weights, renders frames and measures pixels.</summary>
public static class RenderKit
{
    public const int Width = 1280, Height = 800;

    private static readonly QueryDescription Synapses = new QueryDescription().WithAll<Synapse, Weight>();

    /// <summary>A network on xor with the given hidden sizes (no biases unless asked).</summary>
    public static TrainingSimulation Simulation(int[] hidden, bool bias = false, int seed = 1, Activation activation = Activation.Sigmoid) =>
        new(NetworkSpec.Uniform(hidden, activation, bias, seed), DataSets.Xor(), new TrainingOptions());

    /// <summary>The lab's "no activation" network (2-4-4-1 identity with biases, lr 1, seed 1), stepped until its loss diverged (epoch 5).</summary>
    public static TrainingSimulation Diverged()
    {
        var simulation = Simulation([4, 4], bias: true, activation: Activation.Identity);
        simulation.Step(10);
        Assert.Equal(TrainingStatus.Diverged, simulation.Status);
        return simulation;
    }

    /// <summary>Renders at <paramref name="width"/> x <paramref name="height"/> and returns the frame and every text drawn into it.</summary>
    public static (FrameBuffer Frame, IReadOnlyList<DrawnText> Texts) RenderWithText(TrainingSimulation simulation, ViewState? view = null, int width = Width, int height = Height, FrameRenderer? renderer = null)
    {
        using var log = TextLog.Start();
        var frame = new FrameBuffer(width, height);
        if (renderer is null)
        {
            using var own = new FrameRenderer();
            own.Render(frame, simulation, view ?? ViewState.Snapshot);
        }
        else
        {
            renderer.Render(frame, simulation, view ?? ViewState.Snapshot);
        }
        return (frame, log.Texts);
    }

    /// <summary>Sets the weight from neuron (layer, from) to neuron (layer + 1, to).</summary>
    public static void SetWeight(TrainingSimulation simulation, int layer, int from, int to, double value)
    {
        var world = simulation.World;
        var found = 0;
        world.Query(in Synapses, (ref Synapse synapse, ref Weight weight) =>
        {
            var a = world.Get<Neuron>(synapse.From);
            var b = world.Get<Neuron>(synapse.To);
            if (a.Layer == layer && a.Index == from && b.Index == to)
            {
                weight.Value = value;
                found++;
            }
        });
        Assert.Equal(1, found);
    }

    /// <summary>Every weight value, in query order.</summary>
    public static double[] Weights(TrainingSimulation simulation)
    {
        var values = new List<double>();
        simulation.World.Query(in Synapses, (ref Synapse _, ref Weight weight) => values.Add(weight.Value));
        return values.ToArray();
    }

    /// <summary>Renders the simulation's frame at 1280x800.</summary>
    public static FrameBuffer Render(TrainingSimulation simulation, ViewState? view = null, FrameRenderer? renderer = null)
    {
        var frame = new FrameBuffer(Width, Height);
        if (renderer is null)
        {
            using var own = new FrameRenderer();
            own.Render(frame, simulation, view ?? ViewState.Snapshot);
        }
        else
        {
            renderer.Render(frame, simulation, view ?? ViewState.Snapshot);
        }
        return frame;
    }

    /// <summary>Whether a pixel differs clearly from the panel background.</summary>
    public static bool IsInk(SKColor c) =>
        Math.Abs(c.Red - Palette.Panel.Red) + Math.Abs(c.Green - Palette.Panel.Green) + Math.Abs(c.Blue - Palette.Panel.Blue) > 60;

    /// <summary>
    /// The stroke width of the line from <paramref name="a"/> to <paramref name="b"/>, measured
    /// across its midpoint: the length of the run of inked samples along the normal, in pixels.
    /// </summary>
    public static double WidthAcrossMidpoint(FrameBuffer frame, SKPoint a, SKPoint b)
    {
        var mid = new SKPoint((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        var length = SKPoint.Distance(a, b);
        var normal = new SKPoint(-(b.Y - a.Y) / length, (b.X - a.X) / length);
        const float step = 0.25f;
        var inked = 0;
        for (var t = -20f; t <= 20f; t += step)
        {
            var x = (int)MathF.Round(mid.X + normal.X * t);
            var y = (int)MathF.Round(mid.Y + normal.Y * t);
            if (IsInk(frame.GetPixel(x, y))) inked++;
        }
        return inked * step;
    }
}
