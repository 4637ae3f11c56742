namespace NeuronSim.Cli.Tests;

/// <summary>A fact that needs only SDL2 (no X server), else is skipped with the reason.</summary>
public sealed class SdlFactAttribute : FactAttribute
{
    /// <summary>Skips when libSDL2 cannot be loaded.</summary>
    public SdlFactAttribute()
    {
        if (!WatchWindowTests.HasSdl2()) Skip = "needs libSDL2-2.0.so.0 (apt-get install libsdl2-2.0-0)";
    }
}

/// <summary>How `watch` ends: the untrained network at epoch 0, exit 1 after a divergence, the real reason when no window opens (issue 8 items 6 and 9, issue 14 messages).</summary>
[Collection(XvfbRunner.Collection)]
public class WatchExitTests
{
    [WindowFact]
    public void Quitting_at_epoch_0_prints_the_untrained_loss_and_accuracy()
    {
        var script = XvfbRunner.StartWatch("watch --paused") + """
            xdotool key Escape
            wait $app
            """;
        var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Matches(@"(?m)^quit at epoch 0: loss 0\.\d+, accuracy \d+\.\d%", result.Stdout);
    }

    [WindowFact]
    public void Quitting_after_a_divergence_exits_1_as_the_help_says()
    {
        var script = XvfbRunner.StartWatch("watch --activation identity --speed 1") + """
            sleep 1.5
            xdotool key Escape
            wait $app
            """;
        var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("outputs not finite", result.Stdout);
        Assert.Contains("training diverged", result.Stderr);
    }

    [SdlFact]
    public void An_unreachable_display_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-watch-{Guid.NewGuid():N}.png");
        try
        {
            var result = CliRunner.Run(["watch", "--paused", "--out", path], new Dictionary<string, string?> { ["DISPLAY"] = ":4242", ["WAYLAND_DISPLAY"] = null, ["SDL_VIDEODRIVER"] = null });
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("DISPLAY=:4242 cannot be reached", result.Stderr);
            Assert.DoesNotContain("set DISPLAY", result.Stderr);

            result = CliRunner.Run(["watch", "--paused", "--out", path], new Dictionary<string, string?> { ["DISPLAY"] = ":4242", ["SDL_VIDEODRIVER"] = "bogus" });
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("SDL_VIDEODRIVER=bogus", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
