using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>One status, one message, nothing clipped or repeated (issue 8, item 3).</summary>
public class HudTests
{
    private static List<DrawnText> HudTexts(TrainingSimulation simulation, ViewState view, int width = RenderKit.Width, int height = RenderKit.Height)
    {
        var (frame, texts) = RenderKit.RenderWithText(simulation, view, width, height);
        frame.Dispose();
        var hud = FrameLayout.For(width, height).Pixels(FrameLayout.For(width, height).Hud);
        var inside = texts.Where(t => hud.Contains(t.Bounds.MidX, t.Bounds.MidY)).ToList();
        foreach (var t in inside)
            Assert.True(hud.Contains(t.Bounds), $"'{t.Text}' at {t.Bounds} is cut by the HUD {hud} at {width}x{height}");
        return inside;
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(800, 600)]
    [InlineData(640, 400)]
    public void A_converged_run_at_the_epoch_limit_shows_one_status_and_one_message_inside_the_hud(int width, int height)
    {
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Network.Components.Activation.Sigmoid, true, 1), DataSets.Xor(), new TrainingOptions { MaxEpochs = 3000 });
        while (simulation.Epoch < 3000)
        {
            simulation.Resume();
            simulation.Step();
        }
        var view = new ViewState { ConvergedAt = 2654, Message = "saved neuronsim-xor-epoch3000-with-a-rather-long-name.png", Playing = true, EpochsPerSecond = 12345, EpochsPerFrame = 10000, EpochsPerFrameDone = 10000 };

        var texts = HudTexts(simulation, view, width, height);

        Assert.Single(texts, t => t.Text.Contains("converged", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Text.Contains("epoch limit", StringComparison.Ordinal) || t.Text.Contains("stopped", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Text.StartsWith("saved", StringComparison.Ordinal));
        Assert.Equal(texts.Count, texts.Select(t => t.Text).Distinct().Count());
    }

    [Fact]
    public void A_diverged_run_says_so_once_however_often_it_is_stepped()
    {
        using var simulation = RenderKit.Diverged();
        simulation.Step(3);
        var texts = HudTexts(simulation, new ViewState { Message = null });
        Assert.Single(texts, t => t.Text.Contains("DIVERGED", StringComparison.Ordinal) || t.Text.Contains("diverged", StringComparison.Ordinal));
    }

    [Fact]
    public void The_speed_is_what_was_really_trained_not_what_was_asked()
    {
        using var simulation = RenderKit.Simulation([4, 4]);
        var texts = HudTexts(simulation, new ViewState { Playing = true, EpochsPerSecond = 89, EpochsPerFrame = 10000, EpochsPerFrameDone = 1.5 });
        var speed = Assert.Single(texts, t => t.Text.StartsWith("89 ", StringComparison.Ordinal));
        Assert.DoesNotContain("(10,000/frame)", speed.Text);
        Assert.Contains("1.5/frame", speed.Text);
    }
}
