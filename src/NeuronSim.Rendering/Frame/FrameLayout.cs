using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Where each part of the frame goes: the HUD line across the top, the key help across the
/// bottom, the network graph in the centre-left, and at the right the decision boundary (a
/// square) above the loss chart. Computed from the frame size, so the window can be resized.
/// </summary>
public readonly record struct FrameLayout(SKRect Hud, SKRect Graph, SKRect Boundary, SKRect Loss, SKRect Help)
{
    /// <summary>Gap between panels, in pixels.</summary>
    public const float Gap = 8;

    /// <summary>Height of the HUD line.</summary>
    public const float HudHeight = 34;

    /// <summary>Height of the key help line.</summary>
    public const float HelpHeight = 24;

    /// <summary>The layout of a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public static FrameLayout For(int width, int height)
    {
        float w = Math.Max(width, 64), h = Math.Max(height, 64);
        var hud = new SKRect(Gap, Gap, w - Gap, Gap + HudHeight);
        var help = new SKRect(Gap, h - HelpHeight, w - Gap, h - 2);
        var top = hud.Bottom + Gap;
        var bottom = help.Top - Gap / 2;
        var available = bottom - top;
        // The side column: a square boundary plus a loss chart of 60% of its height.
        var side = Math.Clamp(Math.Min(w * 0.36f, available / 1.6f), 80, Math.Max(80, w * 0.5f));
        var sideLeft = w - Gap - side;
        var boundary = new SKRect(sideLeft, top, w - Gap, top + side);
        var loss = new SKRect(sideLeft, boundary.Bottom + Gap, w - Gap, bottom);
        var graph = new SKRect(Gap, top, sideLeft - Gap, bottom);
        return new FrameLayout(hud, graph, boundary, loss, help);
    }
}
