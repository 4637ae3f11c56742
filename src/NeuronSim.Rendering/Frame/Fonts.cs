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
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }
}
