using System.Globalization;
using System.Text.RegularExpressions;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

// One window test at a time: two "xvfb-run -a" started together can pick the same display.
[Collection(XvfbRunner.Collection)]
public class WatchEditWindowTests
{
    [WindowFact]
    public void Hovering_an_edge_shows_its_tooltip_and_plus_adds_a_neuron_while_training_goes_on()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-edit-").FullName;
        try
        {
            // The edge from neuron 3 of layer 1 to neuron 3 of layer 2 is horizontal: no other edge is near its middle.
            var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
            int[] sizes = [2, 4, 4, 1];
            var a = NetworkGraphRenderer.NeuronPosition(area, sizes, 1, 3);
            var b = NetworkGraphRenderer.NeuronPosition(area, sizes, 2, 3);
            var (x, y) = ((int)((a.X + b.X) / 2), (int)((a.Y + b.Y) / 2));
            string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
            var script = XvfbRunner.StartWatch($"watch --paused --screenshots \"{directory}\"") + $"""
                xdotool mousemove --window $wid {Text(x)} {Text(y)}
                sleep 0.6
                xdotool key s
                sleep 0.8
                xdotool key plus
                sleep 0.4
                xdotool key n n n
                sleep 0.6
                xdotool key Escape
                wait $app
                """;
            var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            var shot = Regex.Match(result.Stdout, @"(?m)^screenshot: (.+\.png)\s*$");
            Assert.True(shot.Success, result.Stdout);
            using var bitmap = SKBitmap.Decode(shot.Groups[1].Value.Trim());
            // The tooltip's dark box right below the mouse, the hovered edge white beside it.
            var box = bitmap.GetPixel(x + 24, y + 22);
            Assert.True(box.Red < 0x19 && box.Green < 0x19 && box.Blue < 0x1C, $"no tooltip at the mouse: {box}");
            var edge = bitmap.GetPixel(x - 20, y);
            Assert.True(edge.Red > 220 && edge.Green > 220 && edge.Blue > 220, $"the hovered edge is not highlighted: {edge}");
            Assert.Matches(@"(?m)^epoch 0: layer 1 \+1 neuron \(2-5-4-1\)$", result.Stdout);
            Assert.Matches(@"(?m)^quit at epoch 3: loss 0\.\d+, accuracy [\d.]+%; network 2-5-4-1$", result.Stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
