using SkiaSharp;

namespace NeuronSim.Cli.Tests;

public class SnapshotCommandTests
{
    [Fact]
    public void Snapshot_trains_exactly_N_epochs_and_writes_the_frame()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-snapshot-{Guid.NewGuid():N}.png");
        try
        {
            var result = CliRunner.Run("snapshot", "--epochs", "300", "--out", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Matches(@"(?m)^epoch 300: loss 0\.\d+", result.Stdout);
            Assert.Contains($"wrote {path}", result.Stdout);
            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal(1280, bitmap.Width);
            Assert.Equal(800, bitmap.Height);
            Assert.True(WatchWindowTests.DistinctColours(bitmap) > 50, "the frame is blank");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Snapshot_of_epoch_0_draws_the_untrained_network_and_train_still_needs_one_epoch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-snapshot-{Guid.NewGuid():N}.png");
        try
        {
            var result = CliRunner.Run("snapshot", "--epochs", "0", "--out", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Matches(@"(?m)^epoch 0: loss 0\.\d+", result.Stdout);
            Assert.True(File.Exists(path));
            Assert.Equal("error: --epochs must be at least 1, got 0", CliRunner.Run("train", "--epochs", "0").Stderr.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Snapshot_rejects_bad_sizes_with_exit_code_2()
    {
        var result = CliRunner.Run("snapshot", "--epochs", "1", "--width", "10", "--out", "x.png");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--width", result.Stderr);
    }

    [Fact]
    public void Watch_without_a_display_says_so_and_writes_a_headless_png()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-watch-{Guid.NewGuid():N}.png");
        try
        {
            var environment = new Dictionary<string, string?> { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null };
            var result = CliRunner.Run(["watch", "--out", path], environment, TimeSpan.FromMinutes(1));

            Assert.Equal(3, result.ExitCode);
            Assert.True(
                result.Stderr.Contains("no display: set DISPLAY or run under xvfb-run (apt-get install xvfb)")
                || result.Stderr.Contains("SDL2 is not installed: apt-get install libsdl2-2.0-0"),
                result.Stderr);
            Assert.Contains($"headless instead: {path}", result.Stderr);
            Assert.True(File.Exists(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
