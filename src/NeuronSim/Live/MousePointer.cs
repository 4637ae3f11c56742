using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>
/// What the mouse points at in a frame: an input point of the decision-boundary plot (the probe),
/// a neuron or an edge of the graph (hover), and where it is in logical frame pixels.
/// </summary>
public sealed class MousePointer
{
    private readonly NetworkSnapshot _network = new();

    /// <summary>The input point under the mouse in the decision-boundary plot, or null.</summary>
    public (double X0, double X1)? Probe { get; private set; }

    /// <summary>The neuron or edge under the mouse in the graph, or null.</summary>
    public GraphTarget? Hover { get; set; }

    /// <summary>The mouse in logical frame pixels, or null.</summary>
    public (float X, float Y)? Mouse { get; private set; }

    /// <summary>
    /// The mouse is at <paramref name="mouse"/> (window pixels of a <paramref name="width"/> x
    /// <paramref name="height"/> frame; null: outside the window) over <paramref name="simulation"/>'s frame.
    /// Returns whether what it points at changed.
    /// </summary>
    public bool PointAt(TrainingSimulation simulation, (int X, int Y)? mouse, int width, int height)
    {
        (double X0, double X1)? probe = null;
        GraphTarget? hover = null;
        (float X, float Y)? logical = null;
        if (mouse is { } m)
        {
            var layout = FrameLayout.For(width, height);
            var plot = DecisionBoundaryRenderer.PlotArea(layout.Boundary);
            var at = layout.Logical(m.X, m.Y);
            logical = (at.X, at.Y);
            if (plot.Contains(at)) probe = new PlotDomain(simulation.Data.Bounds).FromPixel(plot, at.X, at.Y);
            hover = TargetAt(simulation, layout, at);
        }
        if (probe == Probe && hover == Hover && (hover is null || logical == Mouse)) return false;
        (Probe, Hover, Mouse) = (probe, hover, logical);
        return true;
    }

    /// <summary>The neuron or edge of the graph at window pixel <paramref name="mouse"/>, or null.</summary>
    public GraphTarget? TargetAt(TrainingSimulation simulation, (int X, int Y) mouse, int width, int height)
    {
        var layout = FrameLayout.For(width, height);
        return TargetAt(simulation, layout, layout.Logical(mouse.X, mouse.Y));
    }

    private GraphTarget? TargetAt(TrainingSimulation simulation, FrameLayout layout, SkiaSharp.SKPoint at)
    {
        if (!layout.Graph.Contains(at)) return null;
        _network.Read(simulation.World);
        return GraphHitTest.At(layout.Graph, _network, at);
    }
}
