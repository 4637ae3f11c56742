using NeuronSim.Live;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>The control panel drawn into the live frame: where its layout says, lit where on, inside its column at every window size.</summary>
public class WatchPanelPixelTests : LoggedControllerTests
{
    public static readonly TheoryData<int, int> Sizes = new() { { 640, 400 }, { 800, 600 }, { 1280, 800 }, { 1920, 1080 }, { 700, 900 } };

    private static (FrameBuffer Frame, IReadOnlyList<DrawnText> Texts) Render(WatchController controller, int width, int height, string? name = null)
    {
        using var log = TextLog.Start();
        var frame = new FrameBuffer(width, height);
        using var renderer = new FrameRenderer();
        renderer.Render(frame, controller.Simulation, controller.View);
        if (name is not null && Environment.GetEnvironmentVariable("NEURONSIM_LOOK") is { Length: > 0 } look) frame.SavePng(Path.Combine(look, $"{name}-{width}x{height}.png"));
        return (frame, log.Texts);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_panel_fits_its_column_beside_the_graph_and_its_texts_do_not_overlap(int width, int height)
    {
        using var controller = Controller();
        var (frame, texts) = Render(controller, width, height, "panel");
        using var _ = frame;
        var layout = FrameLayout.For(width, height, withPanel: true);
        var panel = layout.Pixels(layout.Panel);
        var graph = layout.Pixels(layout.Graph);
        Assert.True(panel.Right < graph.Left, $"the panel {panel} runs into the graph {graph}");
        var controls = new ControlPanelLayout(layout.Panel, controller.View.Panel);
        Assert.True(controls.FontSize * layout.Scale >= 8, $"panel text of {controls.FontSize * layout.Scale} px at {width}x{height}");
        foreach (var rect in controls.Buttons.SelectMany(b => b).Select(layout.Pixels))
            Assert.True(panel.Contains(rect), $"button {rect} leaves the panel {panel}");
        var inPanel = texts.Where(t => panel.Contains(t.Bounds.MidX, t.Bounds.MidY)).ToList();
        foreach (var row in controller.View.Panel)
        {
            if (row.Label.Length > 0) Assert.Contains(inPanel, t => t.Text == row.Label);
            if (row.Value.Length > 0) Assert.Contains(inPanel, t => t.Text == row.Value);
        }
        AssertClean(texts, layout, width, height);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_learning_frame_with_the_panel_keeps_every_text_in_its_own_panel(int width, int height)
    {
        using var controller = Controller();
        controller.Handle(new KeyPress(Key.Plus, false));
        controller.StepEpochs(300);
        var (frame, texts) = Render(controller, width, height, "learning");
        frame.Dispose();
        AssertClean(texts, FrameLayout.For(width, height, withPanel: true), width, height);
    }

    /// <summary>Every text lies inside exactly one panel (the control panel included) and overlaps no other.</summary>
    private static void AssertClean(IReadOnlyList<DrawnText> texts, FrameLayout layout, int width, int height)
    {
        var panels = layout.Panels.Append(layout.Help).Select(layout.Pixels).ToArray();
        foreach (var t in texts)
        {
            var home = panels.Where(p => p.Contains(t.Bounds.MidX, t.Bounds.MidY)).ToList();
            Assert.True(home.Count == 1, $"'{t.Text}' at {t.Bounds} is in {home.Count} panels at {width}x{height}");
            var room = home[0];
            room.Inflate(0.5f, 0.5f);
            Assert.True(room.Contains(t.Bounds), $"'{t.Text}' at {t.Bounds} runs out of its panel {home[0]} at {width}x{height}");
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
    }

    [Fact]
    public void The_current_data_set_button_is_lit_and_the_noise_value_is_drawn_in_its_row()
    {
        using var controller = Controller();
        controller.Handle(new KeyPress(Key.M, false));
        controller.Handle(new KeyPress(Key.M, false));
        var (frame, texts) = Render(controller, 1280, 800);
        using var _ = frame;
        var layout = FrameLayout.For(1280, 800, withPanel: true);
        var controls = new ControlPanelLayout(layout.Panel, controller.View.Panel);
        var dataRow = WatchPanelTests.RowOf("xor");
        SKColor Inside(SKRect logical)
        {
            var p = layout.Pixels(logical);
            return frame.GetPixel((int)p.Left + 4, (int)p.MidY);
        }
        var xor = Inside(controls.Buttons[dataRow][0]);
        var linear = Inside(controls.Buttons[dataRow][1]);
        Assert.True(xor.Red > linear.Red + 25 && xor.Green > linear.Green + 15, $"xor {xor} is not lit beside linear {linear}");
        var noiseRow = layout.Pixels(controls.Rows[WatchPanelTests.RowOf("noise")]);
        var value = Assert.Single(texts, t => t.Text == "0.1");
        Assert.True(noiseRow.Contains(value.Bounds.MidX, value.Bounds.MidY), $"0.1 at {value.Bounds} is not in the noise row {noiseRow}");

        controller.ClickAt(WatchPanelTests.ButtonCentre(controller, dataRow + 1, 1), 1280, 800); // spiral
        var (after, _) = Render(controller, 1280, 800);
        using var __ = after;
        var p = layout.Pixels(controls.Buttons[dataRow + 1][1]);
        var spiral = after.GetPixel((int)p.Left + 4, (int)p.MidY);
        var q = layout.Pixels(controls.Buttons[dataRow][0]);
        var xorAfter = after.GetPixel((int)q.Left + 4, (int)q.MidY);
        Assert.True(spiral.Red > xorAfter.Red + 25, $"spiral {spiral} is not lit after the click (xor {xorAfter})");
    }

    [Fact]
    public void Hovering_a_button_shows_its_key_hint_and_the_help_pages_list_keys_then_controls()
    {
        using var controller = Controller();
        var (x, y) = WatchPanelTests.ButtonCentre(controller, WatchPanelTests.RowOf("batch size"), 0);
        controller.PointAt((x, y), 1280, 800);
        var (frame, texts) = Render(controller, 1280, 800, "panel-hint");
        frame.Dispose();
        Assert.Contains(texts, t => t.Text.StartsWith("Z: batch size", StringComparison.Ordinal));

        controller.PointAt(null, 1280, 800);
        controller.Handle(new KeyPress(Key.H, false));
        controller.Handle(new KeyPress(Key.H, false));
        foreach (var (width, height) in new[] { (640, 400), (1920, 1080) })
        {
            var (help, helpTexts) = Render(controller, width, height, "help-panel");
            help.Dispose();
            foreach (var line in controller.View.Controls)
            {
                Assert.Contains(helpTexts, t => t.Text == line.Keys);
                Assert.Contains(helpTexts, t => t.Text == line.What);
            }
            Assert.All(helpTexts, t => Assert.True(t.Bounds.Left >= 0 && t.Bounds.Right <= width && t.Bounds.Bottom <= height, $"'{t.Text}' {t.Bounds}"));
        }
    }
}
