using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>One entry of a legend: how wide it is and how to draw it with its baseline at (x, y).</summary>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Draw">Draws it at (x, baseline y).</param>
public readonly record struct LegendItem(float Width, Action<SKCanvas, float, float> Draw);

/// <summary>Lays legend entries out left to right and wraps them to the next line when the width runs out, like words.</summary>
public static class LegendFlow
{
    /// <summary>Gap between entries on a line.</summary>
    public const float ItemGap = 14;

    /// <summary>How many lines <paramref name="items"/> take in <paramref name="width"/> pixels.</summary>
    public static int Lines(IReadOnlyList<LegendItem> items, float width) => Place(items, width).LastOrDefault().Line + 1;

    /// <summary>
    /// Draws <paramref name="items"/> from (<paramref name="left"/>, first baseline <paramref name="top"/>), wrapping within <paramref name="width"/>
    /// (an entry wider than the whole line is drawn shrunk to fit it); returns the lines used.
    /// </summary>
    public static int Draw(SKCanvas canvas, IReadOnlyList<LegendItem> items, float left, float top, float width, float lineHeight)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var placed = Place(items, width);
        for (var i = 0; i < items.Count; i++)
        {
            float x = left + placed[i].X, y = top + placed[i].Line * lineHeight;
            if (items[i].Width <= width || width <= 0)
            {
                items[i].Draw(canvas, x, y);
                continue;
            }
            canvas.Save();
            canvas.Translate(x, y);
            canvas.Scale(width / items[i].Width);
            items[i].Draw(canvas, 0, 0);
            canvas.Restore();
        }
        return placed.Count == 0 ? 0 : placed[^1].Line + 1;
    }

    private static List<(float X, int Line)> Place(IReadOnlyList<LegendItem> items, float width)
    {
        ArgumentNullException.ThrowIfNull(items);
        var placed = new List<(float X, int Line)>(items.Count);
        float x = 0;
        var line = 0;
        foreach (var item in items)
        {
            if (x > 0 && x + item.Width > width)
            {
                line++;
                x = 0;
            }
            placed.Add((x, line));
            x += item.Width + ItemGap;
        }
        return placed;
    }

    /// <summary>A text entry in the small font.</summary>
    public static LegendItem Text(string text, SKColor colour) =>
        new(Fonts.Small.MeasureText(text), (canvas, x, y) => Fonts.Draw(canvas, text, x, y, Fonts.Small, colour));
}
