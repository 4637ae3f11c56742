using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>
/// What the mouse points at in a live frame (laid out with the control panel): an input point of the
/// decision-boundary plot (the probe), a neuron or an edge of the graph (hover), and where it is in logical frame pixels.
/// </summary>
public sealed class MousePointer
{
    private readonly NetworkSnapshot _network = new();
    private bool _overPanel;

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
        var overPanel = false;
        if (mouse is { } m)
        {
            var layout = FrameLayout.For(width, height, withPanel: true);
            var plot = DecisionBoundaryRenderer.PlotArea(layout.Boundary);
            var at = layout.Logical(m.X, m.Y);
            logical = (at.X, at.Y);
            if (plot.Contains(at)) probe = new PlotDomain(simulation.Data.Bounds).FromPixel(plot, at.X, at.Y);
            hover = TargetAt(simulation, layout, at);
            overPanel = layout.Panel.Contains(at);
        }
        // The mouse itself matters where something follows it: a hovered target's tooltip, the panel's hints.
        var followed = hover is not null || overPanel || _overPanel;
        if (probe == Probe && hover == Hover && (!followed || logical == Mouse)) return false;
        (Probe, Hover, Mouse, _overPanel) = (probe, hover, logical, overPanel);
        return true;
    }

    /// <summary>The neuron or edge of the graph at window pixel <paramref name="mouse"/>, or null.</summary>
    public GraphTarget? TargetAt(TrainingSimulation simulation, (int X, int Y) mouse, int width, int height)
    {
        var layout = FrameLayout.For(width, height, withPanel: true);
        return TargetAt(simulation, layout, layout.Logical(mouse.X, mouse.Y));
    }

    private GraphTarget? TargetAt(TrainingSimulation simulation, FrameLayout layout, SkiaSharp.SKPoint at)
    {
        if (!layout.Graph.Contains(at)) return null;
        _network.Read(simulation.World);
        return GraphHitTest.At(layout.Graph, _network, at);
    }
}
