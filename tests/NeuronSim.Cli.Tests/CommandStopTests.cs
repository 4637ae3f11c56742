using System.Text.RegularExpressions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>
/// Issue 14: snapshot, record and watch (headless) stop on their own after SIGINT or SIGTERM (the token checked every epoch
/// or frame, not the grace exit): exit 130 or 143 well within the bound, keeping what they document they keep.
/// </summary>
public sealed partial class CommandStopTests : IDisposable
{
    /// <summary>A hang guard, not a speed measurement: the commands stop within a frame or an epoch, the grace exit comes at 1 s.</summary>
    public static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-stop-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Snapshot_stops_between_epochs_and_writes_the_frame_and_the_run_of_the_epoch_reached(string signal, int code)
    {
        var (png, run) = (Path.Combine(_directory, "frame.png"), Path.Combine(_directory, "run.safetensors"));
        var result = CliRunner.RunAndSignal(["snapshot", "--epochs", "2147483647", "--out", png, "--save", run], signal,
            after: TimeSpan.FromSeconds(2), timeout: TimeSpan.FromSeconds(60));

        AssertStopped(result, code);
        Assert.Equal("", result.Stderr);
        var stopped = Regex.Match(result.Stdout, @"(?m)^wrote .*frame\.png, interrupted at epoch ([\d,]+) of 2,147,483,647$");
        Assert.True(stopped.Success, result.Stdout);
        var epoch = int.Parse(stopped.Groups[1].Value.Replace(",", ""));
        Assert.True(epoch > 0, result.Stdout);
        Assert.Contains($"saved epoch {epoch} to {run}", result.Stdout);
        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal((1280, 800), (bitmap.Width, bitmap.Height));
        }
        var continued = CliRunner.Run("train", "--load", run, "--epochs", (epoch + 1).ToString(), "--log-every", "0");
        Assert.Contains($"continuing from epoch {epoch}", continued.Stdout);
    }

    [Fact]
    public void Record_stops_inside_a_long_step_on_sigterm_and_writes_the_frames_so_far()
    {
        // One frame per 10^6 epochs: the signal comes in the middle of a step, which checks the token every epoch.
        var gif = Path.Combine(_directory, "learn.gif");
        var result = CliRunner.RunAndSignal(["record", "--every", "1000000", "--frames", "5", "--epochs", "2147483647", "--target-loss", "0",
            "--width", "320", "--height", "200", "--out", gif], "TERM", line => line.StartsWith("20%", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        AssertStopped(result, 143);
        Assert.Matches(@"(?m)^wrote .*learn\.gif: 1 frames to epoch 0, .*, interrupted at epoch [\d,]+$", result.Stdout);
        using var image = Image.Load<Rgba32>(gif);
        Assert.Equal(1, image.Frames.Count);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Watch_without_a_window_stops_its_headless_training_and_writes_the_frame(string signal, int code)
    {
        var png = Path.Combine(_directory, "watch.png");
        var result = CliRunner.RunAndSignal(["watch", "--epochs", "2147483647", "--target-loss", "0", "--out", png], signal,
            line => line.StartsWith("Training ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), unset: ["DISPLAY", "WAYLAND_DISPLAY"]);

        AssertStopped(result, code);
        Assert.Matches(@"(?m)^Interrupted at epoch \d+ \(loss ", result.Stdout);
        Assert.Contains($"headless instead: {png}", result.Stderr);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1280, 800), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Experiment_draws_figures_for_a_moment_after_sigint_then_writes_the_report_and_says_what_it_skipped()
    {
        var output = Path.Combine(_directory, "all");
        Assert.Equal(0, CliRunner.Run("experiment", "all", "--data", "xor", "--max-epochs", "300", "--out", output).ExitCode); // 24 runs, 41 figures
        var report = Path.Combine(output, "REPORT.md");
        File.Delete(report);

        // Every run is saved: the resume skips them all and goes straight to the figures (a few tenths of a second each).
        var result = CliRunner.RunAndSignal(["experiment", "--resume", output], "INT", line => line.StartsWith("[24/24] skip", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        AssertStopped(result, 130);
        var drawn = Regex.Match(result.Stdout, @"and (\d+) figures in");
        Assert.True(drawn.Success, result.Stdout);
        if (int.Parse(drawn.Groups[1].Value) < 41) Assert.Matches(@"^interrupted: all 24 runs finished and saved, \d+ figures skipped; resume with: ", result.Stderr);
        Assert.True(File.Exists(report), "REPORT.md was not written after the signal");
        foreach (Match figure in Regex.Matches(File.ReadAllText(report), @"figures/[\w.-]+\.png")) Assert.True(File.Exists(Path.Combine(output, figure.Value)), figure.Value);
    }

    private static void AssertStopped(CliResult result, int code)
    {
        Assert.True(result.ExitCode == code, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.True(result.AfterSignal < StopBound, $"ran on {result.AfterSignal} after the signal");
        // Stopped by itself, not by the grace exit ("interrupted: not stopped 1 s after the signal").
        Assert.DoesNotContain("not stopped", result.Stderr);
    }
}
