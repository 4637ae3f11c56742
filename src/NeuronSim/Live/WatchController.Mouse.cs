using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>
/// The mouse in the live view: probing the boundary plot, hovering and selecting in the graph,
/// clicking the control panel's buttons (each runs its row's <see cref="LiveCommand"/>, as its key
/// does), and dragging a selected edge up or down to set its weight.
/// </summary>
public sealed partial class WatchController
{
    /// <summary>How much a weight changes per window pixel the mouse is dragged (up: larger).</summary>
    public const double DragWeightPerPixel = 0.02;

    /// <summary>How far (window pixels) the mouse must move with the button down before a press becomes a drag.</summary>
    public const int DragThreshold = 3;

    private readonly MousePointer _mouse = new();
    private (GraphTarget Edge, int StartY, double StartWeight, bool Moved)? _drag;

    /// <summary>The input point under the mouse in the decision-boundary plot, or null.</summary>
    public (double X0, double X1)? Probe => _mouse.Probe;

    /// <summary>The neuron or edge under the mouse in the graph (the dragged edge while dragging), or null.</summary>
    public GraphTarget? Hover => _mouse.Hover;

    /// <summary>The mouse in logical frame pixels, or null.</summary>
    public (float X, float Y)? Mouse => _mouse.Mouse;

    /// <summary>The edge whose weight the mouse is dragging, or null.</summary>
    public GraphTarget? Dragging => _drag is { Moved: true } drag ? drag.Edge : null;

    /// <summary>
    /// The mouse is at <paramref name="mouse"/> (pixels) of a <paramref name="width"/> x
    /// <paramref name="height"/> frame (null: outside the window). Over the decision-boundary plot it
    /// probes that input point (the graph shows the network's activations for it); over the graph it hovers a neuron or an edge.
    /// With the button held down after a press on the selected edge, moving up or down sets that edge's weight.
    /// </summary>
    public void PointAt((int X, int Y)? mouse, int width, int height)
    {
        if (_mouse.PointAt(Simulation, mouse, width, height)) Version++;
        if (_drag is { } drag && mouse is { } at) DragTo(drag, at.Y);
        if (Dragging is { } edge && _mouse.Hover != edge)
        {
            _mouse.Hover = edge; // the tooltip follows the dragged edge and shows its weight
            Version++;
        }
    }

    /// <summary>
    /// A press of the left button at <paramref name="mouse"/> (window pixels of a <paramref name="width"/> x <paramref name="height"/> frame):
    /// on a control panel button it runs that button's command; on an edge of the graph it selects that edge
    /// (Delete prunes it; dragging up or down sets its weight); anywhere else it clears the selection.
    /// </summary>
    public void ClickAt((int X, int Y) mouse, int width, int height)
    {
        _drag = null;
        var layout = FrameLayout.For(width, height, withPanel: true);
        var at = layout.Logical(mouse.X, mouse.Y);
        if (layout.Panel.Contains(at))
        {
            if (PanelControls.At(this, layout.Panel, at) is { } button) Execute(button.Command, button.Argument);
            return;
        }
        var target = _mouse.TargetAt(Simulation, mouse, width, height);
        _edits.SelectedEdge = target is { IsEdge: true } ? target : null;
        if (_edits.SelectedEdge is { } edge)
        {
            _drag = (edge, mouse.Y, Weight(edge), false);
            Message = $"selected {LiveEdits.Named(Simulation, edge)}: drag up or down sets its weight, Delete prunes it, F freezes it";
        }
        Version++;
    }

    /// <summary>The left button was released at <paramref name="mouse"/>: a drag sets the weight there and writes its one action-log line.</summary>
    public void ReleaseAt((int X, int Y) mouse, int width, int height)
    {
        if (_drag is not { } drag) return;
        DragTo(drag, mouse.Y);
        var moved = _drag is { Moved: true };
        _drag = null;
        if (!moved) return;
        Message = _edits.SetWeight(Simulation, drag.Edge, DraggedWeight(drag, mouse.Y), how: "dragged");
        _mouse.PointAt(Simulation, mouse, width, height);
        Version++;
    }

    private void DragTo((GraphTarget Edge, int StartY, double StartWeight, bool Moved) drag, int y)
    {
        if (!drag.Moved && Math.Abs(y - drag.StartY) < DragThreshold) return;
        if (_edits.SelectedEdge != drag.Edge)
        {
            _drag = null; // the edge went away (pruned, or the network changed shape)
            return;
        }
        var value = DraggedWeight(drag, y);
        if (drag.Moved && value == Weight(drag.Edge)) return;
        _drag = drag with { Moved = true };
        Message = _edits.SetWeight(Simulation, drag.Edge, value, how: "dragging; release to keep it", log: false);
        Version++;
    }

    private static double DraggedWeight((GraphTarget Edge, int StartY, double StartWeight, bool Moved) drag, int y) =>
        Math.Round(drag.StartWeight + (drag.StartY - y) * DragWeightPerPixel, 4);

    private double Weight(GraphTarget edge) =>
        Simulation.World.Get<Network.Components.Weight>(Simulation.Topology.WeightEntity(edge.Layer + 1, edge.From, edge.To)).Value;
}
