using NeuronSim.Live;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>G flips the graph to gradients; the mouse over the graph hovers a neuron or an edge.</summary>
public class WatchInspectTests
{
    [Fact]
    public void G_flips_the_graph_between_weights_and_gradients()
    {
        using var controller = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        Assert.Equal(LiveCommand.ToggleGradients, KeyMap.ToCommand(new KeyPress(Key.G, false)));
        Assert.False(controller.View.ShowGradients);
        controller.Handle(new KeyPress(Key.G, false));
        Assert.True(controller.View.ShowGradients);
        Assert.Contains("gradients", controller.Message);
        controller.Handle(new KeyPress(Key.G, false));
        Assert.False(controller.View.ShowGradients);
    }

    [Fact]
    public void The_mouse_over_an_edge_or_a_neuron_hovers_it_and_leaving_clears_it()
    {
        using var controller = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
        int[] sizes = [2, 4, 4, 1];
        var a = NetworkGraphRenderer.NeuronPosition(area, sizes, 1, 3);
        var b = NetworkGraphRenderer.NeuronPosition(area, sizes, 2, 3);
        controller.PointAt(((int)((a.X + b.X) / 2), (int)((a.Y + b.Y) / 2)), 1280, 800);
        Assert.Equal(GraphTarget.Edge(1, 3, 3), controller.View.Hover);
        Assert.NotNull(controller.View.Mouse);
        controller.PointAt(((int)a.X, (int)a.Y), 1280, 800);
        Assert.Equal(GraphTarget.Neuron(1, 3), controller.View.Hover);
        controller.PointAt(null, 1280, 800);
        Assert.Null(controller.View.Hover);
    }

    [Fact]
    public void E_toggles_the_neurons_own_maps()
    {
        using var controller = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        Assert.Equal(LiveCommand.ToggleNeuronMaps, KeyMap.ToCommand(new KeyPress(Key.E, false)));
        Assert.True(controller.View.ShowNeuronMaps);
        controller.Handle(new KeyPress(Key.E, false));
        Assert.False(controller.View.ShowNeuronMaps);
    }
}
