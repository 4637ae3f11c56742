using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The text of the frame: the HUD line (data set, epoch, loss, accuracy, learning rate, speed,
/// playing or paused, convergence) and the one-line key help (the help overlay is <see cref="HelpOverlay"/>).
/// </summary>
public static class Hud
{
    /// <summary>Gap between HUD fields, in pixels (before scaling to fit).</summary>
    private const float FieldGap = 20;

    /// <summary>
    /// Draws the HUD for <paramref name="simulation"/> into <paramref name="area"/>: the fields
    /// (data set, epoch, loss, accuracy, lr, speed, playing), then one status slot (diverged, epoch
    /// limit or converged: at most one) and one message. When <paramref name="area"/> is tall enough
    /// for two lines the status and message take the second; every line is shrunk to fit its width.
    /// </summary>
    public static void Render(SKCanvas canvas, SKRect area, TrainingSimulation simulation, ViewState view, NetworkEvaluation shown)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(view);
        var accuracy = Numbers.Percent(shown.Accuracy) + (shown.NotFinite > 0 ? " (outputs not finite)" : "");
        if (!double.IsNaN(shown.TestAccuracy)) accuracy = $"train {accuracy}  test {Numbers.Percent(shown.TestAccuracy)}";
        var data = simulation.Data.Name.ToUpperInvariant() + " " + Numbers.Count(simulation.Data.Count)
            + (simulation.Test is { } test ? $" (test {Numbers.Count(test.Count)})" : "");
        var fields = new List<(string Label, string Value, SKColor Colour)>
        {
            ("", data, Palette.Accent),
            ("epoch", Numbers.Count(simulation.Epoch), Palette.Text),
            ("loss", Numbers.Compact(shown.Loss), shown.NotFinite > 0 || !double.IsFinite(shown.Loss) ? Palette.Warning : Palette.Text),
            ("accuracy", accuracy, shown.NotFinite > 0 ? Palette.Warning : Palette.Text),
            ("lr", Numbers.Compact(simulation.Options.LearningRate), Palette.Text),
            ("epochs/s", Speed(view), Palette.Text),
            ("", view.Playing ? "PLAYING" : "PAUSED", view.Playing ? Palette.Accent : Palette.DimText),
        };
        if (view.Recording) fields.Insert(0, ("", "REC", Palette.Warning));
        var (state, colour) = StateText(simulation, view);
        var status = new List<(string Label, string Value, SKColor Colour)>();
        if (state.Length > 0) status.Add(("", state, colour));
        if (!string.IsNullOrEmpty(view.Message) && view.Message != state) status.Add(("", view.Message, Palette.DimText));
        var width = area.Width - 24;
        if (area.Height >= 2 * Fonts.Hud.Size + 12)
        {
            var line = area.Height / 2;
            DrawLine(canvas, area.Left + 12, area.Top + line / 2 + 6, width, fields);
            DrawLine(canvas, area.Left + 12, area.Top + line + line / 2 + 2, width, status);
        }
        else
        {
            DrawLine(canvas, area.Left + 12, area.MidY + 5, width, [.. fields, .. status]);
        }
    }

    /// <summary>The speed field: epochs per second really trained, and per frame what was really done when it fell short of the asked speed.</summary>
    private static string Speed(ViewState view)
    {
        if (double.IsNaN(view.EpochsPerSecond)) return "-";
        var rate = Numbers.Compact(Math.Round(view.EpochsPerSecond));
        if (!view.Playing) return rate;
        var done = view.EpochsPerFrameDone;
        return double.IsNaN(done) || done >= view.EpochsPerFrame * 0.95
            ? $"{rate} ({Numbers.Count(view.EpochsPerFrame)}/frame)"
            : $"{rate} ({Numbers.Compact(Math.Round(done, done < 10 ? 1 : 0))}/frame of {Numbers.Count(view.EpochsPerFrame)} asked)";
    }

    /// <summary>Draws labelled fields left to right from <paramref name="x"/>, in a font shrunk (down to 75%, then the trailing fields shortened) so the line fits <paramref name="width"/>.</summary>
    private static void DrawLine(SKCanvas canvas, float x, float y, float width, List<(string Label, string Value, SKColor Colour)> fields)
    {
        if (fields.Count == 0) return;
        float Measure(SKFont font, IEnumerable<(string Label, string Value, SKColor Colour)> items) =>
            items.Sum(f => (f.Label.Length > 0 ? font.MeasureText(f.Label) + 6 : 0) + font.MeasureText(f.Value)) + FieldGap * (items.Count() - 1) * font.Size / Fonts.Hud.Size;
        var font = Fonts.Hud;
        var natural = Measure(font, fields);
        if (natural > width) font = Fonts.Sized(Math.Max(Fonts.Hud.Size * 0.75f, Fonts.Hud.Size * width / natural));
        // Still too long at 75%: the last field (the message) is shortened with an ellipsis.
        while (Measure(font, fields) > width && fields[^1].Value.Length > 4)
        {
            var last = fields[^1];
            fields[^1] = (last.Label, last.Value[..^2].TrimEnd('…') + "…", last.Colour);
        }
        var gap = FieldGap * font.Size / Fonts.Hud.Size;
        foreach (var (label, value, colour) in fields)
        {
            if (label.Length > 0)
            {
                Fonts.Draw(canvas, label, x, y, font, Palette.DimText);
                x += font.MeasureText(label) + 6;
            }
            Fonts.Draw(canvas, value, x, y, font, colour);
            x += font.MeasureText(value) + gap;
        }
    }

    /// <summary>The key help of a narrow frame: the full list is in the help overlay.</summary>
    public const string ShortKeyHelp = "H keys and help   Space play/pause   Esc/Q quit";

    /// <summary>Draws the one-line key help <paramref name="footer"/> into <paramref name="area"/> (the short form when <paramref name="narrow"/> or when it does not fit), with the network at the right.</summary>
    public static void RenderKeyHelp(SKCanvas canvas, SKRect area, string networkText, string footer, bool narrow = false)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(networkText);
        var right = Fonts.Small.MeasureText(networkText);
        var room = area.Width - 8 - right - 24;
        var (keys, font) = Fonts.Fit(Fonts.Small, room, narrow || footer.Length == 0 ? [ShortKeyHelp, "H help   Esc quit"] : [footer, ShortKeyHelp, "H help   Esc quit"]);
        Fonts.Draw(canvas, keys, area.Left + 4, area.MidY + 4, font, Palette.DimText);
        Fonts.Draw(canvas, networkText, area.Right - 4, area.MidY + 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
    }

    /// <summary>The one status of the run, most important first: diverged, at the epoch limit, converged (or nothing).</summary>
    private static (string Text, SKColor Colour) StateText(TrainingSimulation simulation, ViewState view)
    {
        var converged = view.ConvergedAt is int at ? $"converged at epoch {Numbers.Count(at)}" : null;
        if (simulation.Status == TrainingStatus.Diverged)
            return ($"DIVERGED at epoch {Numbers.Count(simulation.Epoch)} (loss {Numbers.Compact(simulation.Loss)}): R resets", Palette.Warning);
        if (simulation.Epoch >= simulation.Options.MaxEpochs)
            return ($"epoch limit (--epochs {Numbers.Count(simulation.Options.MaxEpochs)}): N steps on" + (converged is null ? "" : $"; {converged}"), Palette.DimText);
        return converged is null ? ("", Palette.Text) : (converged, Palette.Accent);
    }
}
