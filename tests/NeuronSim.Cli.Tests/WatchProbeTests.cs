using NeuronSim.Live;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Cli.Tests;

/// <summary>Pointing at the decision boundary probes one input point.</summary>
public class WatchProbeTests
{
    private const int Width = 1280, Height = 800;

    [Fact]
    public void The_mouse_over_the_boundary_plot_probes_the_input_under_it()
    {
        using var controller = new WatchController(new NetworkSpec(), "xor", 100, new TrainingOptions(), playing: false);
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(Width, Height, withPanel: true).Boundary);
        var centre = DecisionBoundaryRenderer.ToPixel(plot, 0.5, 0.5);
        var corner = DecisionBoundaryRenderer.ToPixel(plot, 0.9, 0.1);
        var version = controller.Version;

        controller.PointAt(((int)centre.X, (int)centre.Y), Width, Height);
        Assert.Equal(0.5, controller.Probe!.Value.X0, 2);
        Assert.Equal(0.5, controller.Probe!.Value.X1, 2);
        Assert.Equal(controller.Probe, controller.View.Probe);
        Assert.True(controller.Version > version, "a new probe must redraw the frame");

        controller.PointAt(((int)corner.X, (int)corner.Y), Width, Height);
        Assert.Equal(0.9, controller.Probe!.Value.X0, 2);
        Assert.Equal(0.1, controller.Probe!.Value.X1, 2);

        version = controller.Version;
        controller.PointAt((20, 300), Width, Height); // left of the plot (over the control panel)
        Assert.Null(controller.Probe);
        Assert.True(controller.Version > version);

        controller.PointAt(((int)centre.X, (int)centre.Y), Width, Height);
        controller.PointAt(null, Width, Height); // the mouse left the window
        Assert.Null(controller.View.Probe);
    }

    [Fact]
    public void Pointing_at_the_same_place_again_does_not_redraw()
    {
        using var controller = new WatchController(new NetworkSpec(), "xor", 100, new TrainingOptions(), playing: false);
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(Width, Height, withPanel: true).Boundary);
        var p = DecisionBoundaryRenderer.ToPixel(plot, 0.25, 0.75);
        controller.PointAt(((int)p.X, (int)p.Y), Width, Height);
        var version = controller.Version;
        controller.PointAt(((int)p.X, (int)p.Y), Width, Height);
        Assert.Equal(version, controller.Version);
    }
}
