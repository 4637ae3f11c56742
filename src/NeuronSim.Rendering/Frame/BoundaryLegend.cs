using NeuronSim.Network.Formatting;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>The decision boundary's key: the point legend below the plot and the heatmap's colour bar beside it.</summary>
public static class BoundaryLegend
{
    /// <summary>Draws "label 0", "label 1", "test" (a hollow ring, when <paramref name="test"/>) and "wrong prediction" below <paramref name="plot"/>, wrapping within <paramref name="area"/>.</summary>
    public static void DrawKey(SKCanvas canvas, SKRect area, SKRect plot, SKPaint wrong, SKPaint outline, bool test = false)
    {
        ArgumentNullException.ThrowIfNull(wrong);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var items = new List<LegendItem> { Dot("label 0", Palette.Label0, fill, outline), Dot("label 1", Palette.Label1, fill, outline) };
        if (test)
        {
            items.Add(new LegendItem(Fonts.Small.MeasureText("test (hollow)") + 16, (c, lx, ly) =>
            {
                using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Palette.Text };
                c.DrawCircle(lx + 5, ly - 4, 4.5f, ring);
                Fonts.Draw(c, "test (hollow)", lx + 14, ly, Fonts.Small, Palette.DimText);
            }));
        }
        var ringWidth = Fonts.Small.MeasureText("wrong prediction") + 20;
        items.Add(new LegendItem(ringWidth, (c, lx, ly) =>
        {
            c.DrawCircle(lx + 6, ly - 4, 6, wrong);
            Fonts.Draw(c, "wrong prediction", lx + 16, ly, Fonts.Small, Palette.DimText);
        }));
        LegendFlow.Draw(canvas, items, area.Left + 10, plot.Bottom + 32, area.Width - 20, 16);
    }

    private static LegendItem Dot(string label, SKColor colour, SKPaint fill, SKPaint outline) =>
        new(Fonts.Small.MeasureText(label) + 14, (canvas, x, y) =>
        {
            fill.Color = colour;
            canvas.DrawCircle(x + 5, y - 4, 5, fill);
            canvas.DrawCircle(x + 5, y - 4, 5, outline);
            Fonts.Draw(canvas, label, x + 14, y, Fonts.Small, Palette.DimText);
        });

    /// <summary>The heatmap's colour scale beside the plot: output 0 (red) at the bottom to 1 (blue) at the top.</summary>
    public static void DrawColourBar(SKCanvas canvas, SKRect plot)
    {
        var bar = new SKRect(plot.Right + 8, plot.Top, plot.Right + 18, plot.Bottom);
        using (var paint = new SKPaint())
        {
            for (var i = 0; i < (int)bar.Height; i++)
            {
                paint.Color = DecisionBoundaryRenderer.ColourOf(1 - (i + 0.5) / bar.Height);
                canvas.DrawRect(bar.Left, bar.Top + i, bar.Width, 1, paint);
            }
        }
        using var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(bar, border);
        foreach (var v in new[] { 0.0, 0.5, 1.0 })
        {
            var y = (float)(bar.Bottom - v * bar.Height);
            Fonts.Draw(canvas, Numbers.Compact(v), bar.Right + 3, Math.Clamp(y + 4, bar.Top + 8, bar.Bottom), Fonts.Small, Palette.DimText);
        }
    }
}
