using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>The frame is clean at the sizes a window gets (issue 8, item 4): no text outside its panel, none over another, nothing drawn in the gaps.</summary>
public class LayoutTests
{
    public static readonly TheoryData<int, int> Sizes = new() { { 640, 400 }, { 800, 600 }, { 1280, 800 }, { 1920, 1080 }, { 700, 900 } };

    private static void AssertClean(TrainingSimulation simulation, ViewState view, int width, int height)
    {
        var (frame, texts) = RenderKit.RenderWithText(simulation, view, width, height);
        using var _ = frame;
        var layout = FrameLayout.For(width, height);
        var panels = layout.Panels.Select(layout.Pixels).ToArray();
        var help = layout.Pixels(layout.Help);

        foreach (var text in texts)
        {
            var home = panels.Append(help).Where(p => p.Contains(text.Bounds.MidX, text.Bounds.MidY)).ToList();
            Assert.True(home.Count == 1, $"'{text.Text}' at {text.Bounds} is in no panel at {width}x{height}");
            var panel = home[0];
            panel.Inflate(0.5f, 0.5f);
            Assert.True(panel.Contains(text.Bounds), $"'{text.Text}' at {text.Bounds} runs out of its panel {home[0]} at {width}x{height}");
        }
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                var overlap = SKRect.Intersect(texts[i].Bounds, texts[j].Bounds);
                Assert.True(overlap.IsEmpty || overlap.Width * overlap.Height < 6,
                    $"'{texts[i].Text}' {texts[i].Bounds} and '{texts[j].Text}' {texts[j].Bounds} overlap at {width}x{height}");
            }
        }
        // Nothing is drawn in the gaps between panels.
        for (var y = 0; y < height; y += 2)
        {
            for (var x = 0; x < width; x += 2)
            {
                if (panels.Append(help).Any(p => x >= p.Left - 1 && x <= p.Right + 1 && y >= p.Top - 1 && y <= p.Bottom + 1)) continue;
                Assert.True(frame.GetPixel(x, y) == Palette.Background, $"pixel ({x}, {y}) outside every panel is {frame.GetPixel(x, y)} at {width}x{height}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_learning_network_is_laid_out_cleanly(int width, int height)
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(3000);
        AssertClean(simulation, new ViewState { ConvergedAt = 2654, Message = "saved neuronsim-xor-epoch3000.png", Playing = true, EpochsPerSecond = 5000, EpochsPerFrame = 100, EpochsPerFrameDone = 100 }, width, height);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_diverged_network_is_laid_out_cleanly(int width, int height)
    {
        using var simulation = RenderKit.Diverged();
        AssertClean(simulation, ViewState.Snapshot, width, height);
    }

    [Theory]
    [InlineData(320, 200)]
    [InlineData(500, 350)]
    public void A_frame_below_the_minimum_window_is_the_minimum_layout_scaled_down(int width, int height)
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(100);
        AssertClean(simulation, ViewState.Snapshot, width, height);
        var layout = FrameLayout.For(width, height);
        // Laid out in at least the logical room of the minimum window (640x400 at 80%).
        Assert.True(layout.Help.Right + FrameLayout.Gap >= FrameLayout.MinWidth / 0.8f - 0.5f, $"logical width {layout.Help.Right + FrameLayout.Gap}");
        Assert.True(layout.Help.Bottom + 2 >= FrameLayout.MinHeight / 0.8f - 0.5f, $"logical height {layout.Help.Bottom + 2}");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Text_scales_with_the_frame(int width, int height)
    {
        var layout = FrameLayout.For(width, height);
        Assert.InRange(layout.Scale * Fonts.Small.Size, 8.5f, 17f);
        Assert.True(layout.Pixels(layout.Help).Right <= width && layout.Pixels(layout.Help).Bottom <= height);
        Assert.Equal(width < 1000, layout.Narrow);
    }
}

public class HelpOverlayTests
{
    [Theory]
    [MemberData(nameof(LayoutTests.Sizes), MemberType = typeof(LayoutTests))]
    public void The_help_overlay_holds_every_key_inside_the_frame(int width, int height)
    {
        using var simulation = RenderKit.Simulation([4, 4]);
        // The live view's key table (KeyMap.Help, about 30 lines) in shape: two columns.
        var keys = Enumerable.Range(0, 30).Select(i => new KeyHelpLine($"key {i}", $"what key {i} does, in a few words")).ToList();
        var (frame, texts) = RenderKit.RenderWithText(simulation, new ViewState { ShowHelp = true, Keys = keys }, width, height);
        using var _ = frame;
        if (Environment.GetEnvironmentVariable("NEURONSIM_LOOK") is { Length: > 0 } look) frame.SavePng(Path.Combine(look, $"help-{width}x{height}.png"));
        var overlay = texts.SkipWhile(t => t.Text != "NeuronSim: watch it learn").ToList();
        foreach (var key in keys)
        {
            Assert.Contains(overlay, t => t.Text == key.Keys);
            Assert.Contains(overlay, t => t.Text == key.What);
        }
        foreach (var t in overlay)
            Assert.True(t.Bounds.Left >= 0 && t.Bounds.Top >= 0 && t.Bounds.Right <= width && t.Bounds.Bottom <= height, $"'{t.Text}' at {t.Bounds} leaves the {width}x{height} frame");
    }
}
