using System.Globalization;
using System.Text.RegularExpressions;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

// One window test at a time: two "xvfb-run -a" started together can pick the same display.
[Collection(XvfbRunner.Collection)]
public class WatchProbeWindowTests
{
    [WindowFact]
    public void Moving_the_mouse_over_the_boundary_draws_the_probe_crosshair_there()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-probe-").FullName;
        try
        {
            // (0.75, 0.5) lies between the xor points, so only the crosshair is white there.
            var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(1280, 800, withPanel: true).Boundary);
            var probe = DecisionBoundaryRenderer.ToPixel(plot, 0.75, 0.5);
            var (x, y) = ((int)probe.X, (int)probe.Y);
            var script = XvfbRunner.StartWatch($"watch --paused --screenshots \"{directory}\"") + $"""
                xdotool mousemove --window $wid {x.ToString(CultureInfo.InvariantCulture)} {y.ToString(CultureInfo.InvariantCulture)}
                sleep 0.5
                xdotool key s
                sleep 0.8
                xdotool key Escape
                wait $app
                """;
            var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            var shot = Regex.Match(result.Stdout, @"(?m)^screenshot: (.+\.png)\s*$");
            Assert.True(shot.Success, result.Stdout);
            using var bitmap = SKBitmap.Decode(shot.Groups[1].Value.Trim());
            Assert.Equal(1280, bitmap.Width);
            Assert.True(NearWhite(bitmap, x + 8, y) && NearWhite(bitmap, x, y - 8) && NearWhite(bitmap, x - 8, y),
                "no crosshair at the mouse");
            Assert.False(NearWhite(bitmap, x + 30, y + 30), "the plot away from the crosshair should not be white");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Whether a pixel within 1 px of (x, y) is near white (the crosshair's colour).</summary>
    private static bool NearWhite(SKBitmap bitmap, int x, int y)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var c = bitmap.GetPixel(x + dx, y + dy);
                if (c.Red > 190 && c.Green > 190 && c.Blue > 190) return true;
            }
        }
        return false;
    }
}
