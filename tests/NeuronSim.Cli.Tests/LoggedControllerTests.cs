using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>The live view's controller without a window (the lab's 2-4-4-1 on xor, paused), its action log kept for the test to read.</summary>
public abstract class LoggedControllerTests
{
    /// <summary>What the controller printed as its action log.</summary>
    protected StringWriter ActionLog { get; } = new();

    /// <summary>The action log's lines, in order.</summary>
    protected string[] LogLines => ActionLog.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A key press as the window reports it.</summary>
    protected static KeyPress Press(Key key, bool shift = false, bool ctrl = false) => new(key, shift, ctrl);

    /// <summary>Every weight as its entity holds it (layer by layer, from, to).</summary>
    protected static double[] WeightsOf(TrainingSimulation simulation)
    {
        var layers = simulation.Topology.Layers;
        var weights = new List<double>();
        for (var l = 1; l < layers.Length; l++)
            for (var i = 0; i < layers[l - 1].Size; i++)
                for (var j = 0; j < layers[l].Size; j++)
                    weights.Add(simulation.World.Get<Weight>(simulation.Topology.WeightEntity(l, i, j)).Value);
        return [.. weights];
    }

    /// <summary>The window pixel at the middle of the edge from (layer, from) to (layer + 1, to) of a network of <paramref name="sizes"/> at 1280x800.</summary>
    public static (int X, int Y) MidpointOf(int[] sizes, int layer, int from, int to)
    {
        var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
        var a = NetworkGraphRenderer.NeuronPosition(area, sizes, layer, from);
        var b = NetworkGraphRenderer.NeuronPosition(area, sizes, layer + 1, to);
        return ((int)((a.X + b.X) / 2), (int)((a.Y + b.Y) / 2));
    }

    /// <summary>The weight its entity holds from (layer, from) to (layer + 1, to).</summary>
    protected static double WeightOf(WatchController controller, int layer, int from, int to) =>
        controller.Simulation.World.Get<Weight>(controller.Simulation.Topology.WeightEntity(layer + 1, from, to)).Value;

    /// <summary>A paused controller on xor whose action log goes to <see cref="ActionLog"/>.</summary>
    protected WatchController Controller()
    {
        var controller = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        controller.ActionLog = ActionLog;
        return controller;
    }
}
