using System.Globalization;
using System.Text.RegularExpressions;
using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Cli.Tests;

// One window test at a time: two "xvfb-run -a" started together can pick the same display.
[Collection(XvfbRunner.Collection)]
public class WatchPanelWindowTests
{
    private static string Text(int v) => v.ToString(CultureInfo.InvariantCulture);

    [WindowFact]
    public void Clicking_the_panels_spiral_and_neurons_plus_buttons_changes_the_run_andActionLogs_it()
    {
        using var layoutOf = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        var (sx, sy) = WatchPanelTests.ButtonCentre(layoutOf, WatchPanelTests.RowOf("spiral"), 1);
        var (nx, ny) = WatchPanelTests.ButtonCentre(layoutOf, WatchPanelTests.RowOf("neurons"), 1);
        var (bx, by) = WatchPanelTests.ButtonCentre(layoutOf, WatchPanelTests.RowOf("batch size"), 0);
        var script = XvfbRunner.StartWatch("watch --paused") + $"""
            xdotool mousemove --window $wid {Text(sx)} {Text(sy)}
            sleep 0.6
            xdotool click 1
            sleep 0.6
            xdotool mousemove --window $wid {Text(nx)} {Text(ny)}
            sleep 0.3
            xdotool click 1
            sleep 0.4
            xdotool mousemove --window $wid {Text(bx)} {Text(by)}
            sleep 0.3
            xdotool click 1
            sleep 0.4
            xdotool key n n
            sleep 0.5
            xdotool key Escape
            wait $app
            """;
        var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Matches(@"(?m)^epoch 0: data set spiral \(2-4-4-1\)$", result.Stdout);
        Assert.Matches(@"(?m)^epoch 0: layer 1 \+1 neuron \(2-5-4-1\)$", result.Stdout);
        Assert.Matches(@"(?m)^epoch 0: batch size 128 \(2-5-4-1\)$", result.Stdout);
        Assert.Matches(@"(?m)^quit at epoch 2: .*network 2-5-4-1$", result.Stdout);
    }

    [WindowFact]
    public void Dragging_a_selected_edge_up_50_pixels_adds_1_to_its_weight_andActionLogs_it_on_release()
    {
        using var start = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        var weight = start.Simulation.World.Get<Weight>(start.Simulation.Topology.WeightEntity(2, 3, 3)).Value;
        var (x, y) = LoggedControllerTests.MidpointOf([2, 4, 4, 1], 1, 3, 3);
        var script = XvfbRunner.StartWatch("watch --paused") + $"""
            xdotool mousemove --window $wid {Text(x)} {Text(y)}
            sleep 0.6
            xdotool mousedown 1
            sleep 0.3
            xdotool mousemove --window $wid {Text(x)} {Text(y - 20)}
            sleep 0.3
            xdotool mousemove --window $wid {Text(x + 30)} {Text(y - 50)}
            sleep 0.3
            xdotool mouseup 1
            sleep 0.5
            xdotool key Escape
            wait $app
            """;
        var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var line = Regex.Match(result.Stdout, @"(?m)^epoch 0: weight edge hidden 1\.3 -> hidden 2\.3 = (\S+) \(dragged\) \(2-4-4-1\)$");
        Assert.True(line.Success, $"no dragged weight in the action log after a drag from ({x}, {y}):\n{result.Stdout}\n{result.Stderr}");
        Assert.Equal(weight + 1.0, double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture), 3);
        Assert.Single(Regex.Matches(result.Stdout, "(?m)^epoch 0: weight "));
    }
}
