using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>The mouse in the live view: probing the boundary plot, hovering and selecting in the graph.</summary>
public sealed partial class WatchController
{
    private readonly MousePointer _mouse = new();

    /// <summary>The input point under the mouse in the decision-boundary plot, or null.</summary>
    public (double X0, double X1)? Probe => _mouse.Probe;

    /// <summary>The neuron or edge under the mouse in the graph, or null.</summary>
    public GraphTarget? Hover => _mouse.Hover;

    /// <summary>The mouse in logical frame pixels, or null.</summary>
    public (float X, float Y)? Mouse => _mouse.Mouse;

    /// <summary>
    /// The mouse is at <paramref name="mouse"/> (pixels) of a <paramref name="width"/> x
    /// <paramref name="height"/> frame (null: outside the window). Over the decision-boundary plot it
    /// probes that input point (the graph shows the network's activations for it); over the graph it hovers a neuron or an edge.
    /// </summary>
    public void PointAt((int X, int Y)? mouse, int width, int height)
    {
        if (_mouse.PointAt(Simulation, mouse, width, height)) Version++;
    }

    /// <summary>
    /// A click at <paramref name="mouse"/> (window pixels of a <paramref name="width"/> x <paramref name="height"/> frame):
    /// on an edge of the graph it selects that edge (Delete prunes it); anywhere else it clears the selection.
    /// </summary>
    public void ClickAt((int X, int Y) mouse, int width, int height)
    {
        var target = _mouse.TargetAt(Simulation, mouse, width, height);
        _edits.SelectedEdge = target is { IsEdge: true } ? target : null;
        Message = _edits.SelectedEdge is { } edge ? $"selected {edge}: Delete prunes it, F freezes it" : Message;
        Version++;
    }
}
