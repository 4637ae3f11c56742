using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The frame's fonts: Skia's default typeface (DejaVu Sans through fontconfig on Linux) at a few
/// sizes, created once and shared (read-only use from the rendering thread).
/// </summary>
public static class Fonts
{
    /// <summary>The HUD line (15 px).</summary>
    public static readonly SKFont Hud = Create(15);

    /// <summary>Panel titles and chart labels (13 px).</summary>
    public static readonly SKFont Label = Create(13);

    /// <summary>Small print: bias values, legend, axis ticks (11 px).</summary>
    public static readonly SKFont Small = Create(11);

    /// <summary>The help overlay's heading (20 px).</summary>
    public static readonly SKFont Heading = Create(20);

    private static SKFont Create(float size) => new(SKTypeface.Default, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>.</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(font);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
        font.MeasureText(text, out var bounds);
        var width = font.MeasureText(text);
        var shift = align switch { SKTextAlign.Center => -width / 2, SKTextAlign.Right => -width, _ => 0 };
        bounds.Offset(x + shift, y);
        TextLog.Add(text, canvas.TotalMatrix.MapRect(bounds));
    }

    /// <summary>
    /// The largest copy of <paramref name="font"/> (down to 75% of its size) in which
    /// <paramref name="text"/> is at most <paramref name="width"/> pixels wide; the smallest when none is.
    /// </summary>
    public static SKFont Fitting(SKFont font, string text, float width)
    {
        ArgumentNullException.ThrowIfNull(font);
        var measured = font.MeasureText(text);
        if (measured <= width || measured <= 0) return font;
        var smallest = font.Size * 0.75f;
        var size = Math.Max(smallest, font.Size * width / measured);
        // Hinted advances do not shrink in proportion to the size: step down until the text fits.
        while (size > smallest && Sized(size).MeasureText(text) > width) size = Math.Max(smallest, size - 0.25f);
        return Sized(size);
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> (longest first) that fits <paramref name="width"/>
    /// pixels in <paramref name="font"/> (shrunk up to 25% if need be), with the font to draw it in.
    /// </summary>
    public static (string Text, SKFont Font) Fit(SKFont font, float width, params string[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var text in candidates)
        {
            if (font.MeasureText(text) <= width) return (text, font);
        }
        foreach (var text in candidates)
        {
            var fitted = Fitting(font, text, width);
            if (fitted.MeasureText(text) <= width) return (text, fitted);
        }
        var last = candidates[^1];
        return (last, Fitting(font, last, width));
    }

    private static readonly Dictionary<int, SKFont> BySize = [];

    /// <summary>The font at <paramref name="size"/> px (rounded to a quarter pixel; created once).</summary>
    public static SKFont Sized(float size)
    {
        var key = (int)MathF.Round(size * 4);
        lock (BySize)
        {
            if (!BySize.TryGetValue(key, out var font)) BySize[key] = font = Create(key / 4f);
            return font;
        }
    }
}
