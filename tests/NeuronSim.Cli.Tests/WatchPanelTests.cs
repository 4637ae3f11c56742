using NeuronSim.Live;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>The live window's control panel without a window: clicks run their row's command, the panel is drawn where its layout says and fits.</summary>
public class WatchPanelTests : LoggedControllerTests
{
    private const int Width = 1280, Height = 800;


    /// <summary>The window pixel at the middle of button <paramref name="button"/> of panel row <paramref name="row"/>.</summary>
    public static (int X, int Y) ButtonCentre(WatchController controller, int row, int button, int width = Width, int height = Height)
    {
        var rect = ButtonPixels(controller, row, button, width, height);
        return ((int)rect.MidX, (int)rect.MidY);
    }

    private static SKRect ButtonPixels(WatchController controller, int row, int button, int width = Width, int height = Height)
    {
        var layout = FrameLayout.For(width, height, withPanel: true);
        return layout.Pixels(new ControlPanelLayout(layout.Panel, PanelControls.Rows(controller)).Buttons[row][button]);
    }

    /// <summary>The row of the panel labelled <paramref name="label"/>, or the row holding a button named so.</summary>
    public static int RowOf(string label) => PanelControls.Controls.ToList().FindIndex(c => c.Label == label || c.Buttons.Any(b => b.Name == label));

    private static int ButtonOf(int row, string name) => PanelControls.Controls[row].Buttons.ToList().FindIndex(b => b.Name == name);

    /// <summary>What a person can see of the controller: every panel value and button, the message, the network, the epoch.</summary>
    private static string Seen(WatchController c) =>
        string.Join("|", PanelControls.Rows(c).Select(r => $"{r.Value}:{string.Join(",", r.Buttons.Select(b => b.Text + b.On))}"))
        + $"|{c.Message}|{c.Simulation.Spec}|{c.Simulation.Epoch}|{c.Simulation.Data.Name}|{c.View.ShowHelp}{c.View.HelpPage}";

    [Fact]
    public void Every_button_click_does_what_its_command_does()
    {
        for (var row = 0; row < PanelControls.Controls.Count; row++)
        {
            for (var b = 0; b < PanelControls.Controls[row].Buttons.Length; b++)
            {
                var button = PanelControls.Controls[row].Buttons[b];
                if (button.Command is LiveCommand.ToggleRecording) continue; // only the frame loop records
                var keyLog = new StringWriter();
                using var byKey = new WatchController(new(), "xor", null, new(), playing: false) { ActionLog = keyLog };
                using var byClick = Controller();
                byKey.Execute(button.Command, button.Argument);
                var before = Seen(byClick);
                byClick.ClickAt(ButtonCentre(byClick, row, b), Width, Height);
                Assert.True(Seen(byKey) == Seen(byClick), $"row {row} button {b} ({button.Name}): a click did not do what {button.Command} does");
                Assert.Equal(keyLog.ToString(), ActionLog.ToString());
                // Already at their limit on a new xor run: full batch, no noise, no test set, xor itself.
                var atLimit = button.Command is LiveCommand.BatchLarger or LiveCommand.NoiseDown or LiveCommand.TestRatioDown
                    || button is { Command: LiveCommand.ChooseDataSet, Argument: 0 };
                if (!atLimit)
                    Assert.True(before != Seen(byClick), $"row {row} button {b} ({button.Name}) changed nothing visible");
                ActionLog.GetStringBuilder().Clear();
            }
        }
    }

    [Fact]
    public void Clicks_on_spiral_neurons_plus_batch_and_rate_change_the_run_andActionLog_like_keys()
    {
        using var controller = Controller();
        controller.ClickAt(ButtonCentre(controller, RowOf("spiral"), ButtonOf(RowOf("spiral"), "spiral")), Width, Height);
        Assert.Equal("spiral", controller.Simulation.Data.Name);
        Assert.Equal("epoch 0: data set spiral (2-4-4-1)", LogLines[^1]);
        Assert.True(PanelControls.Rows(controller)[RowOf("spiral")].Buttons[ButtonOf(RowOf("spiral"), "spiral")].On);
        Assert.False(PanelControls.Rows(controller)[RowOf("xor")].Buttons[ButtonOf(RowOf("xor"), "xor")].On);

        controller.ClickAt(ButtonCentre(controller, RowOf("neurons"), 1), Width, Height);
        Assert.Equal("epoch 0: layer 1 +1 neuron (2-5-4-1)", LogLines[^1]);
        Assert.Equal("5", PanelControls.Rows(controller)[RowOf("neurons")].Value);
        controller.ClickAt(ButtonCentre(controller, RowOf("batch size"), 0), Width, Height);
        Assert.Equal("epoch 0: batch size 128 (2-5-4-1)", LogLines[^1]);
        Assert.Equal("128", PanelControls.Rows(controller)[RowOf("batch size")].Value);
        controller.ClickAt(ButtonCentre(controller, RowOf("learning rate"), 1), Width, Height);
        Assert.Equal("epoch 0: learning rate 3.162 (2-5-4-1)", LogLines[^1]);
        Assert.Equal("3.162", PanelControls.Rows(controller)[RowOf("learning rate")].Value);
        controller.ClickAt(ButtonCentre(controller, RowOf("regularizer"), 0), Width, Height);
        Assert.Equal("l1", PanelControls.Rows(controller)[RowOf("regularizer")].Buttons[0].Text);
        Assert.Equal(5, LogLines.Length);
    }

    [Fact]
    public void A_click_beside_the_buttons_runs_nothing_and_keeps_the_selection_cleared()
    {
        using var controller = Controller();
        var layout = FrameLayout.For(Width, Height, withPanel: true);
        var label = layout.Pixels(new ControlPanelLayout(layout.Panel, PanelControls.Rows(controller)).Rows[RowOf("noise")]);
        var before = Seen(controller);
        controller.ClickAt(((int)label.Left + 4, (int)label.MidY), Width, Height);
        Assert.Equal(before, Seen(controller));
        Assert.Empty(LogLines);
    }

    [Fact]
    public void H_shows_the_keys_then_the_panel_controls_then_closes_and_help_lists_every_control()
    {
        using var controller = Controller();
        controller.Handle(new KeyPress(Key.H, false));
        Assert.Equal((true, 0), (controller.View.ShowHelp, controller.View.HelpPage));
        controller.Handle(new KeyPress(Key.H, false));
        Assert.Equal((true, 1), (controller.View.ShowHelp, controller.View.HelpPage));
        controller.Handle(new KeyPress(Key.H, false));
        Assert.False(controller.View.ShowHelp);
        Assert.Equal(PanelControls.Controls.Count, controller.View.Controls.Count);
        foreach (var (control, line) in PanelControls.Controls.Zip(controller.View.Controls))
        {
            foreach (var button in control.Buttons)
            {
                if (KeyMap.Bindings.FirstOrDefault(b => b.Command == button.Command) is { } binding) Assert.Contains(binding.Keys, line.What);
                if (control.Label.Length == 0) Assert.Contains(button.Name, line.Keys);
            }
        }
        // Every key of the table has a line on the keys' page.
        Assert.Equal(KeyMap.Bindings.Select(b => b.Keys), controller.View.Keys.Select(k => k.Keys));
    }
}
