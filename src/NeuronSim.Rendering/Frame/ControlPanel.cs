using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the live window's control panel, after TensorFlow Playground's: sections (DATA, TRAINING,
/// NETWORK, VIEW) of labelled rows, each with its current value and its buttons; a lit button is
/// on (the current data set, a view that is shown), the button under the mouse is outlined and its
/// hint (key and action) is shown beside the mouse.
/// </summary>
public static class ControlPanel
{
    private static readonly SKColor ButtonFill = new(0x2A, 0x2E, 0x37);

    /// <summary>Draws <paramref name="rows"/> laid out by <paramref name="layout"/>; <paramref name="mouse"/> (logical) outlines the button under it.</summary>
    public static void Render(SKCanvas canvas, ControlPanelLayout layout, IReadOnlyList<PanelRow> rows, (float X, float Y)? mouse)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        var font = Fonts.Sized(layout.FontSize);
        var headingFont = Fonts.Sized(layout.FontSize * 0.9f);
        using var rule = new SKPaint { Color = Palette.Grid, StrokeWidth = 1 };
        foreach (var (section, baseline) in layout.Headings)
        {
            Fonts.Draw(canvas, section, layout.Area.Left + ControlPanelLayout.Pad, baseline, headingFont, Palette.Accent);
            var x = layout.Area.Left + ControlPanelLayout.Pad + headingFont.MeasureText(section) + 6;
            canvas.DrawLine(x, baseline - headingFont.Size * 0.35f, layout.Area.Right - ControlPanelLayout.Pad, baseline - headingFont.Size * 0.35f, rule);
        }
        var hovered = mouse is { } m ? layout.ButtonAt(new SKPoint(m.X, m.Y)) : null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rect = layout.Rows[i];
            var baseline = rect.MidY + font.Size * 0.36f;
            var buttons = layout.Buttons[i];
            if (row.Label.Length > 0)
            {
                var room = (buttons.Length > 0 ? buttons[0].Left : rect.Right) - rect.Left - 4;
                if (row.Value.Length > 0)
                {
                    var valueFont = Fonts.Fitting(font, row.Value, room * 0.5f);
                    Fonts.Draw(canvas, row.Value, buttons.Length > 0 ? buttons[0].Left - 4 : rect.Right, baseline, valueFont, Palette.Text, SKTextAlign.Right);
                    room -= valueFont.MeasureText(row.Value) + 4;
                }
                var (label, labelFont) = Fonts.Fit(font, room, row.Label);
                Fonts.Draw(canvas, label, rect.Left, baseline, labelFont, Palette.DimText);
            }
            for (var b = 0; b < row.Buttons.Count; b++)
            {
                DrawButton(canvas, buttons[b], row.Buttons[b], font, hovered == (i, b));
            }
        }
    }

    /// <summary>The hint of the button at <paramref name="mouse"/> (logical), or null when the mouse is over none (or the button has no hint).</summary>
    public static string? HintAt(ControlPanelLayout layout, IReadOnlyList<PanelRow> rows, (float X, float Y)? mouse)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        if (mouse is not { } m || layout.ButtonAt(new SKPoint(m.X, m.Y)) is not { } hit) return null;
        var hint = rows[hit.Row].Buttons[hit.Button].Hint;
        return hint.Length > 0 ? hint : null;
    }

    private static void DrawButton(SKCanvas canvas, SKRect rect, PanelButton button, SKFont font, bool hovered)
    {
        using var fill = new SKPaint { IsAntialias = true, Color = button.On ? Palette.Lerp(ButtonFill, Palette.Accent, 0.28) : ButtonFill };
        using var border = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = hovered ? 1.5f : 1,
            Color = hovered ? Palette.Text : button.On ? Palette.Accent : Palette.Grid,
        };
        canvas.DrawRoundRect(rect, 4, 4, fill);
        canvas.DrawRoundRect(rect, 4, 4, border);
        var textFont = Fonts.Fitting(font, button.Text, rect.Width - 6);
        var text = button.Text;
        // Still too long at 75% of the size: shortened with an ellipsis (the hint names it in full).
        while (textFont.MeasureText(text) > rect.Width - 2 && text.Length > 2) text = text[..^2].TrimEnd('…') + "…";
        Fonts.Draw(canvas, text, rect.MidX, rect.MidY + textFont.Size * 0.36f, textFont, button.On ? Palette.Accent : Palette.Text, SKTextAlign.Center);
    }
}
