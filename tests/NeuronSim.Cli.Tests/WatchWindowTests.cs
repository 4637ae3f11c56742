using System.Diagnostics;
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
            var script = $"""
                dotnet "{CliRunner.DllPath}" watch --paused --screenshots "{directory}" &
                app=$!
                for i in $(seq 150); do
                  xdotool search --onlyvisible --name NeuronSim >/dev/null 2>&1 && break
                  kill -0 $app 2>/dev/null || break
                  sleep 0.2
                done
                sleep 0.5
                xdotool key --delay 120 n n n
                sleep 0.3
                xdotool key s
                sleep 0.8
                xdotool key Escape
                wait $app
                """;
            var info = new ProcessStartInfo("xvfb-run")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("watch did not quit on Esc within 90 s");
            }
            var output = stdout.Result;

            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{output}\n{stderr.Result}");
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
