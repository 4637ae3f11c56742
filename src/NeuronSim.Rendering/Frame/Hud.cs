using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The text of the frame: the HUD line (data set, epoch, loss, accuracy, learning rate, speed,
/// playing or paused, convergence), the one-line key help, and the help overlay (H).
/// </summary>
public static class Hud
{
    /// <summary>The keys, as the one-line help shows them.</summary>
    public const string KeyHelp =
        "Space play/pause   N or Right +1 epoch   Shift+Right +100   Up/Down speed   R reset (new seed)   D next data set   B boundary   S screenshot   H help   Esc/Q quit";

    private static readonly (string Key, string What)[] Keys =
    [
        ("Space", "play / pause training"),
        ("N or Right", "train exactly one epoch"),
        ("Shift+Right", "train exactly 100 epochs"),
        ("Up / Down", "training speed: epochs per frame, 1 to 10000"),
        ("R", "reset: new random weights (next seed), epoch 0"),
        ("D", "next data set (xor, linear)"),
        ("B", "decision boundary heatmap on / off"),
        ("S", "save a PNG screenshot (the path is printed)"),
        ("H", "this help"),
        ("Esc or Q", "quit"),
    ];

    /// <summary>Draws the HUD line for <paramref name="simulation"/> into <paramref name="area"/>.</summary>
    public static void Render(SKCanvas canvas, SKRect area, TrainingSimulation simulation, ViewState view)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(view);
        var x = area.Left + 12;
        var y = area.MidY + 5;
        x = Field(canvas, x, y, "", simulation.Data.Name.ToUpperInvariant(), Palette.Accent);
        x = Field(canvas, x, y, "epoch", Numbers.Count(simulation.Epoch), Palette.Text);
        x = Field(canvas, x, y, "loss", FormatLoss(simulation.Loss), Palette.Text);
        x = Field(canvas, x, y, "accuracy", simulation.Epoch == 0 ? "-" : Numbers.Percent(simulation.Accuracy), Palette.Text);
        x = Field(canvas, x, y, "lr", Numbers.Compact(simulation.Options.LearningRate), Palette.Text);
        var speed = double.IsNaN(view.EpochsPerSecond) ? "-" : Numbers.Compact(Math.Round(view.EpochsPerSecond));
        x = Field(canvas, x, y, "epochs/s", $"{speed} ({view.EpochsPerFrame}/frame)", Palette.Text);
        x = Field(canvas, x, y, "", view.Playing ? "PLAYING" : "PAUSED", view.Playing ? Palette.Accent : Palette.DimText);
        var (state, colour) = StateText(simulation, view);
        if (state.Length > 0) x = Field(canvas, x, y, "", state, colour);
        if (!string.IsNullOrEmpty(view.Message)) Field(canvas, x, y, "", view.Message, Palette.DimText);
    }

    /// <summary>Draws the one-line key help into <paramref name="area"/>.</summary>
    public static void RenderKeyHelp(SKCanvas canvas, SKRect area, string networkText)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        Fonts.Draw(canvas, KeyHelp, area.Left + 4, area.MidY + 4, Fonts.Small, Palette.DimText);
        Fonts.Draw(canvas, networkText, area.Right - 4, area.MidY + 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
    }

    /// <summary>Draws the help overlay (keys and how to read the picture) over the whole frame.</summary>
    public static void RenderHelpOverlay(SKCanvas canvas, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var shade = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(0, 0, width, height, shade);
        var box = SKRect.Create(width / 2f - 300, height / 2f - 195, 600, 390);
        using var panel = new SKPaint { Color = Palette.Panel, IsAntialias = true };
        using var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRoundRect(box, 10, 10, panel);
        canvas.DrawRoundRect(box, 10, 10, border);
        var y = box.Top + 38;
        Fonts.Draw(canvas, "NeuronSim: watch it learn", box.Left + 24, y, Fonts.Heading, Palette.Text);
        y += 32;
        foreach (var (key, what) in Keys)
        {
            Fonts.Draw(canvas, key, box.Left + 24, y, Fonts.Label, Palette.Accent);
            Fonts.Draw(canvas, what, box.Left + 150, y, Fonts.Label, Palette.Text);
            y += 22;
        }
        y += 12;
        string[] notes =
        [
            "Edges: orange w > 0, blue w < 0, grey near 0; width 0.5 + 1.5|w| px, at most 10.",
            "Neurons: fill = activation (dark 0, white 1): the batch mean, or for the input",
            "under the mouse when it points at the boundary plot; ring = bias.",
            "Boundary: network output over the input square, red 0 to blue 1;",
            "points coloured by label, a yellow ring marks a wrong prediction.",
        ];
        foreach (var note in notes)
        {
            Fonts.Draw(canvas, note, box.Left + 24, y, Fonts.Small, Palette.DimText);
            y += 17;
        }
    }

    private static (string Text, SKColor Colour) StateText(TrainingSimulation simulation, ViewState view) => simulation.Status switch
    {
        TrainingStatus.Diverged => ($"DIVERGED at epoch {Numbers.Count(simulation.Epoch)} (loss {FormatLoss(simulation.Loss)}): R to reset", Palette.Warning),
        TrainingStatus.MaxEpochsReached => ($"stopped at --epochs {Numbers.Count(simulation.Options.MaxEpochs)}", Palette.DimText),
        _ when view.ConvergedAt is int at => ($"converged at epoch {Numbers.Count(at)}", Palette.Accent),
        _ => ("", Palette.Text),
    };

    private static string FormatLoss(double loss) => double.IsNaN(loss) ? "-" : Numbers.Compact(loss);

    private static float Field(SKCanvas canvas, float x, float y, string label, string value, SKColor colour)
    {
        if (label.Length > 0)
        {
            Fonts.Draw(canvas, label, x, y, Fonts.Hud, Palette.DimText);
            x += Fonts.Hud.MeasureText(label) + 6;
        }
        Fonts.Draw(canvas, value, x, y, Fonts.Hud, colour);
        return x + Fonts.Hud.MeasureText(value) + 22;
    }
}
