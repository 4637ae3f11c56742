using System.Globalization;
using System.Text.RegularExpressions;
using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>What a live session reports: its end line, its speed, screenshots that fail, why no window opened (issue 8 items 3, 6, 8; issue 14 item 11).</summary>
public class WatchSessionTests
{
    private static WatchController Controller(Activation activation = Activation.Sigmoid, int[]? hidden = null, int speed = 20, int maxEpochs = 100_000) =>
        new(NetworkSpec.Uniform(hidden ?? [4, 4], activation, true, 1), "xor", 100, new TrainingOptions { MaxEpochs = maxEpochs }, playing: false, epochsPerFrame: speed);

    [Fact]
    public void Quitting_at_epoch_0_reports_the_untrained_networks_loss_and_accuracy()
    {
        using var controller = Controller();
        var line = SessionSummary.Line("quit at ", controller.Simulation, controller.ConvergedAt);

        var (loss, accuracy) = controller.Simulation.Evaluate();
        Assert.True(double.IsFinite(loss) && loss > 0);
        var m = Regex.Match(line, @"^quit at epoch 0: loss (\S+), accuracy (\S+)%$");
        Assert.True(m.Success, line);
        Assert.Equal(loss, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 3);
        Assert.Equal(accuracy * 100, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 1);
    }

    [Fact]
    public void The_end_line_agrees_with_the_hud_and_says_when_outputs_are_not_finite()
    {
        using var controller = Controller(Activation.Identity);
        controller.StepEpochs(10);
        Assert.Equal(TrainingStatus.Diverged, controller.Simulation.Status);
        using var renderer = new FrameRenderer();
        using var frame = new FrameBuffer(640, 400);
        renderer.Render(frame, controller.Simulation, controller.View);

        var line = SessionSummary.Line("quit at ", controller.Simulation, null);
        Assert.Contains($"accuracy {Network.Formatting.Numbers.Percent(renderer.Shown.Accuracy)}", line);
        Assert.Contains("21 of 21 outputs not finite", line);
    }

    [Fact]
    public void Stepping_after_a_divergence_or_at_the_epoch_limit_leaves_no_message_the_status_already_says()
    {
        using var diverged = Controller(Activation.Identity);
        for (var i = 0; i < 8; i++) diverged.Execute(LiveCommand.StepOne);
        Assert.Null(diverged.Message);

        using var limited = Controller(maxEpochs: 5, speed: 10);
        limited.Execute(LiveCommand.TogglePlay);
        limited.Advance(TimeSpan.FromSeconds(5));
        Assert.False(limited.Playing);
        Assert.Null(limited.Message);
    }

    [Fact]
    public void The_view_reports_the_epochs_per_frame_really_trained()
    {
        using var controller = Controller(hidden: [100, 100], speed: 10_000);
        controller.Execute(LiveCommand.TogglePlay);
        var until = DateTime.UtcNow.AddSeconds(0.8);
        while (DateTime.UtcNow < until) controller.Advance(TimeSpan.FromMilliseconds(1));

        var view = controller.View;
        Assert.Equal(10_000, view.EpochsPerFrame);
        Assert.InRange(view.EpochsPerFrameDone, 0.5, 9_999);
        Assert.True(view.EpochsPerSecond > 0);
    }

    [Fact]
    public void A_screenshot_that_cannot_be_written_is_reported_and_the_session_goes_on()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var controller = Controller();
            using var frame = new FrameBuffer(64, 64);
            var errors = new StringWriter();
            var writer = new ScreenshotWriter(Path.Combine(file, "shots"), TextWriter.Null);

            var message = writer.TrySave(frame, controller.Simulation, errors);

            Assert.StartsWith("screenshot failed: ", message);
            Assert.StartsWith("error: screenshot not saved in ", errors.ToString());
            controller.Message = message;
            Assert.Equal(message, controller.View.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(":4242", null, null, "DISPLAY=:4242 cannot be reached")]
    [InlineData(":0", null, "bogus", "SDL_VIDEODRIVER=bogus")]
    [InlineData(null, "wayland-9", null, "WAYLAND_DISPLAY=wayland-9 cannot be reached")]
    [InlineData(null, null, null, "no display: set DISPLAY or run under xvfb-run (apt-get install xvfb)")]
    public void No_window_names_the_real_cause(string? display, string? wayland, string? driver, string expected)
    {
        var text = DisplayDiagnosis.Explain(display, wayland, driver, "x11 not available");
        Assert.Contains(expected, text);
        Assert.Contains("x11 not available", text);
        Assert.Equal(expected.StartsWith("no display", StringComparison.Ordinal), text.Contains("no display", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(640, 400)]
    [InlineData(1920, 1080)]
    public void The_mouse_probes_the_input_under_it_at_any_window_size(int width, int height)
    {
        using var controller = Controller();
        var layout = FrameLayout.For(width, height);
        var plot = layout.Pixels(DecisionBoundaryRenderer.PlotArea(layout.Boundary));
        var at = new SKPoint(plot.Left + plot.Width * 0.25f, plot.Top + plot.Height * 0.5f);

        controller.PointAt(((int)at.X, (int)at.Y), width, height);

        var probe = Assert.NotNull(controller.Probe);
        var expected = DecisionBoundaryRenderer.FromPixel(DecisionBoundaryRenderer.PlotArea(layout.Boundary), (int)at.X / layout.Scale, (int)at.Y / layout.Scale);
        Assert.Equal(expected.X0, probe.X0, 2);
        Assert.Equal(expected.X1, probe.X1, 2);
        Assert.InRange(probe.X0, 0.15, 0.35);
        Assert.InRange(probe.X1, 0.4, 0.6);
    }
}
