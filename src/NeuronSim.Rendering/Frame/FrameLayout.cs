using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Where each part of the frame goes, for the size it gets. The frame is drawn in logical units
/// scaled by <see cref="Scale"/> (0.8 at 640x400, 1 at 1280x800, 1.35 at 1920x1080), so fonts and
/// strokes grow and shrink with the window. Wide frames: the HUD across the top, the key help across
/// the bottom, the graph at the left and the decision boundary above the loss chart at the right.
/// Tall frames stack the graph above the boundary and the loss chart side by side. Narrow frames
/// fold the key list into the help overlay (H) and give the HUD two lines. The live window adds the
/// control panel (<see cref="ControlPanel"/>) as a column left of the graph, which gives up that width.
/// All rectangles are in logical units; <see cref="Pixels"/> maps one to the frame's pixels.
/// </summary>
public readonly record struct FrameLayout(SKRect Hud, SKRect Graph, SKRect Boundary, SKRect Loss, SKRect Help, float Scale, bool Narrow)
{
    /// <summary>The control panel's column (empty when the frame has none).</summary>
    public SKRect Panel { get; init; }

    /// <summary>The control panel's width for a frame <paramref name="width"/> logical pixels wide (160 to 210).</summary>
    public static float PanelWidth(float width) => Math.Clamp(width * 0.16f, 160, 210);

    /// <summary>Gap between panels, in logical pixels.</summary>
    public const float Gap = 8;

    /// <summary>Height of a one-line HUD.</summary>
    public const float HudHeight = 34;

    /// <summary>Height of a two-line HUD (status and message on the second line).</summary>
    public const float TwoLineHudHeight = 52;

    /// <summary>Height of the key help line.</summary>
    public const float HelpHeight = 24;

    /// <summary>The frame size the layout is designed at (scale 1).</summary>
    public const int DesignWidth = 1280, DesignHeight = 800;

    /// <summary>The smallest window the layout stays clean at (the window's minimum size).</summary>
    public const int MinWidth = 640, MinHeight = 400;

    /// <summary>Below this logical width the key list folds into the help overlay.</summary>
    public const float NarrowWidth = 1200;

    /// <summary>The layout of a <paramref name="width"/> x <paramref name="height"/> frame, with the control panel when <paramref name="withPanel"/>.</summary>
    public static FrameLayout For(int width, int height, bool withPanel = false)
    {
        // Fonts shrink to 80% at most; a frame smaller than the minimum window (a small snapshot)
        // is the minimum window's layout scaled down, so it is never laid out more tightly.
        var scale = Math.Clamp(Math.Min((float)width / DesignWidth, (float)height / DesignHeight), 0.8f, 1.5f);
        scale = Math.Min(scale, Math.Min(Math.Max(width, 1) / (MinWidth / 0.8f), Math.Max(height, 1) / (MinHeight / 0.8f)));
        float w = Math.Max(width, 64) / scale, h = Math.Max(height, 64) / scale;
        var narrow = w < NarrowWidth;
        var hud = new SKRect(Gap, Gap, w - Gap, Gap + (w < 1400 ? TwoLineHudHeight : HudHeight));
        var help = new SKRect(Gap, h - HelpHeight, w - Gap, h - 2);
        var top = hud.Bottom + Gap;
        var bottom = help.Top - Gap / 2;
        var available = bottom - top;
        if (w < available * 1.25f)
        {
            // Tall: the graph on top, the boundary (square) and the loss chart side by side below.
            var row = Math.Min((w - 3 * Gap) / 2, available * 0.45f);
            var graph = new SKRect(Gap, top, w - Gap, bottom - row - Gap);
            var boundary = new SKRect(Gap, bottom - row, Gap + row, bottom);
            var loss = new SKRect(boundary.Right + Gap, bottom - row, w - Gap, bottom);
            return WithPanel(new FrameLayout(hud, graph, boundary, loss, help, scale, narrow), withPanel, w);
        }
        // Wide: the side column holds a square boundary plus a loss chart of 60% of its height.
        var side = Math.Clamp(Math.Min(w * 0.36f, available / 1.6f), 80, Math.Max(80, w * 0.5f));
        var sideLeft = w - Gap - side;
        var boundaryWide = new SKRect(sideLeft, top, w - Gap, top + side);
        var lossWide = new SKRect(sideLeft, boundaryWide.Bottom + Gap, w - Gap, bottom);
        var graphWide = new SKRect(Gap, top, sideLeft - Gap, bottom);
        return WithPanel(new FrameLayout(hud, graphWide, boundaryWide, lossWide, help, scale, narrow), withPanel, w);
    }

    /// <summary>The layout with the control panel's column cut from the left of its graph, when <paramref name="withPanel"/>.</summary>
    private static FrameLayout WithPanel(FrameLayout layout, bool withPanel, float width)
    {
        if (!withPanel) return layout;
        var graph = layout.Graph;
        var panel = new SKRect(graph.Left, graph.Top, graph.Left + PanelWidth(width), graph.Bottom);
        return layout with { Panel = panel, Graph = new SKRect(panel.Right + Gap, graph.Top, graph.Right, graph.Bottom) };
    }

    /// <summary>Every panel, HUD first (the control panel last, when there is one).</summary>
    public SKRect[] Panels => Panel.IsEmpty ? [Hud, Graph, Boundary, Loss] : [Hud, Graph, Boundary, Loss, Panel];

    /// <summary>A logical rectangle in the frame's pixels.</summary>
    public SKRect Pixels(SKRect logical) => new(logical.Left * Scale, logical.Top * Scale, logical.Right * Scale, logical.Bottom * Scale);

    /// <summary>A point in the frame's pixels in logical units.</summary>
    public SKPoint Logical(float x, float y) => new(x / Scale, y / Scale);
}
