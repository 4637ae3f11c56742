using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The help overlay (H) over the whole frame: every key of the live view's key table and how to
/// read the picture. When the frame has a control panel the overlay has two pages (H turns them):
/// the keys, then every control of the panel with its keys and how to read the picture.
/// </summary>
public static class HelpOverlay
{
    /// <summary>The title of the keys' page.</summary>
    public const string KeysTitle = "NeuronSim: watch it learn";

    /// <summary>The title of the panel's page.</summary>
    public const string PanelTitle = "NeuronSim: the control panel (click a button, or press its key)";

    private static readonly string[] Notes =
    [
        "Edges: orange w > 0, blue w < 0, grey near 0; width 0.5 + 1.5|w| px, at most 10.",
        "Wide layer pairs show their weight matrix as a heatmap in the same colours.",
        "Neurons: each one's own output over the domain (red low, blue high; hover: large); E or a probe:",
        "fill = activation, dark (low) to white (high): the batch mean or the input under the mouse; ring = bias.",
        "Boundary: network output over the data's domain, red 0 to blue 1 (the bar beside it);",
        "dark where the output is not finite; a yellow ring marks a wrong prediction; hollow = test point.",
    ];

    /// <summary>
    /// Draws page <paramref name="page"/> of the overlay in a <paramref name="width"/> x <paramref name="height"/> frame:
    /// page 0 lists <paramref name="keys"/> (and the notes when there are no <paramref name="controls"/>), page 1 the controls and the notes.
    /// </summary>
    public static void Render(SKCanvas canvas, float width, float height, IReadOnlyList<KeyHelpLine> keys, IReadOnlyList<KeyHelpLine>? controls = null, int page = 0)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(keys);
        controls ??= [];
        var paged = controls.Count > 0;
        var onPanel = paged && page == 1;
        var lines = onPanel ? controls : keys;
        var notes = !paged || onPanel ? Notes : [];
        var footer = !paged ? null : onPanel ? "H closes this help (page 2 of 2)" : "H: the control panel's buttons (page 1 of 2)";
        using var shade = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(0, 0, width, height, shade);
        // Two columns when there are many lines; the whole box is scaled down to fit a small frame.
        var columns = lines.Count > 12 ? 2 : 1;
        var rows = (lines.Count + columns - 1) / columns;
        var keyWidth = onPanel ? 160 : 110;
        float boxWidth = columns == 2 ? 1000 : 620;
        var boxHeight = 70 + rows * 20 + 12 + notes.Length * 17 + (footer is null ? 0 : 20) + 16;
        var fit = Math.Min(1f, Math.Min((width - 16) / boxWidth, (height - 16) / boxHeight));
        canvas.Save();
        canvas.Translate(width / 2f, height / 2f);
        canvas.Scale(fit);
        canvas.Translate(-width / 2f, -height / 2f);
        var box = SKRect.Create(width / 2f - boxWidth / 2, height / 2f - boxHeight / 2, boxWidth, boxHeight);
        using var panel = new SKPaint { Color = Palette.Panel, IsAntialias = true };
        using var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRoundRect(box, 10, 10, panel);
        canvas.DrawRoundRect(box, 10, 10, border);
        var y = box.Top + 38;
        var (title, titleFont) = Fonts.Fit(Fonts.Heading, boxWidth - 48, onPanel ? PanelTitle : KeysTitle);
        Fonts.Draw(canvas, title, box.Left + 24, y, titleFont, Palette.Text);
        y += 32;
        var column = boxWidth / columns - 24;
        for (var i = 0; i < lines.Count; i++)
        {
            var x = box.Left + 24 + i / rows * (boxWidth / 2);
            var rowY = y + i % rows * 20;
            var (keyText, keyFont) = Fonts.Fit(Fonts.Small, keyWidth - 8, lines[i].Keys);
            Fonts.Draw(canvas, keyText, x, rowY, keyFont, Palette.Accent);
            var (what, whatFont) = Fonts.Fit(Fonts.Small, column - keyWidth, lines[i].What);
            Fonts.Draw(canvas, what, x + keyWidth, rowY, whatFont, Palette.Text);
        }
        y += rows * 20 + 12;
        foreach (var note in notes)
        {
            Fonts.Draw(canvas, note, box.Left + 24, y, Fonts.Small, Palette.DimText);
            y += 17;
        }
        if (footer is not null) Fonts.Draw(canvas, footer, box.Left + 24, y + 4, Fonts.Small, Palette.Accent);
        canvas.Restore();
    }
}
