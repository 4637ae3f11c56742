using System.Text.RegularExpressions;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>A fact that runs only where Xvfb, xdotool and SDL2 are installed (.ci/run installs them), else is skipped with the reason.</summary>
public sealed class WindowFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to what is missing, if anything.</summary>
    public WindowFactAttribute()
    {
        var missing = new List<string>();
        if (!OnPath("xvfb-run")) missing.Add("xvfb-run (apt-get install xvfb)");
        if (!OnPath("xdotool")) missing.Add("xdotool (apt-get install xdotool)");
        if (!WatchWindowTests.HasSdl2()) missing.Add("libSDL2-2.0.so.0 (apt-get install libsdl2-2.0-0)");
        if (missing.Count > 0) Skip = "needs " + string.Join(", ", missing);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}

// One window test at a time: two "xvfb-run -a" started together can pick the same display.
[Collection(XvfbRunner.Collection)]
public class WatchWindowTests
{
    public static bool HasSdl2() => System.Runtime.InteropServices.NativeLibrary.TryLoad("libSDL2-2.0.so.0", out _);

    public static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
            for (var x = 0; x < bitmap.Width; x += 3)
                colours.Add((uint)bitmap.GetPixel(x, y));
        return colours.Count;
    }

    [WindowFact]
    public void Watch_paused_steps_three_epochs_with_N_saves_a_screenshot_with_S_and_quits_with_Esc()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-watch-").FullName;
        try
        {
            // Inside one Xvfb display: start the window, wait for it, type N N N S, then Esc.
            var script = XvfbRunner.StartWatch($"watch --paused --screenshots \"{directory}\"") + """
                xdotool key --delay 120 n n n
                sleep 0.3
                xdotool key s
                sleep 0.8
                xdotool key Escape
                wait $app
                """;
            var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));
            var output = result.Stdout;

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{output}\n{result.Stderr}");
            Assert.Matches(@"(?m)^quit at epoch 3: loss 0\.\d+", output);
            var shot = Regex.Match(output, @"(?m)^screenshot: (.+\.png)\s*$");
            Assert.True(shot.Success, output);
            var path = shot.Groups[1].Value.Trim();
            Assert.StartsWith(directory, path);
            Assert.EndsWith("epoch3.png", path);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 640 && bitmap.Height >= 400, $"{bitmap.Width}x{bitmap.Height}");
            Assert.True(DistinctColours(bitmap) > 50, "the screenshot is blank");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
