using NeuronSim.Network.Formatting;
using NeuronSim.Network.Components;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the network: layers as columns (input left, output right), every weight an edge styled
/// by <see cref="EdgeStyle"/>, every neuron a circle filled by its activation (the batch mean, or the
/// probed input's: <see cref="NetworkSnapshot.ShownActivation"/>; dark = 0, white = 1) with its bias as the ring (colour by sign, width by |b|), and a legend.
/// Large networks stay fast: edges are drawn as one batch of segments per (sign, width bucket), and at most
/// <see cref="MaxDrawnEdges"/> of them, the largest |w| first; the rest are counted as hidden.
/// </summary>
public sealed class NetworkGraphRenderer : IDisposable
{
    /// <summary>Edges are grouped by |w| in steps of this size (each group is one draw call).</summary>
    public const double BucketStep = 0.25;

    private const int Buckets = 28; // 28 * 0.25 = 7 > 6.33, where the width reaches its maximum
    private const float LegendHeight = 44;
    private const float TopMargin = 26;
    private readonly List<SKPoint>[,] _segments = new List<SKPoint>[2, Buckets];
    private readonly int[] _histogram = new int[1024];

    /// <summary>Creates a renderer.</summary>
    public NetworkGraphRenderer()
    {
        for (var s = 0; s < 2; s++)
            for (var b = 0; b < Buckets; b++) _segments[s, b] = new List<SKPoint>();
    }

    /// <summary>Above this many drawn edges the graph is "dense": no antialiasing, thin edges as faint hairlines.</summary>
    public const int DenseEdges = 64;

    /// <summary>The most edges drawn per frame (default 600); the smallest |w| beyond it are hidden.</summary>
    public int MaxDrawnEdges { get; set; } = 600;

    /// <summary>Edges drawn in the last <see cref="Render"/>.</summary>
    public int DrawnEdges { get; private set; }

    /// <summary>Edges left out of the last <see cref="Render"/> (their |w| was below <see cref="HiddenBelow"/>).</summary>
    public int HiddenEdges { get; private set; }

    /// <summary>The |w| under which edges were hidden in the last <see cref="Render"/> (0 when none were).</summary>
    public double HiddenBelow { get; private set; }

    /// <summary>The area inside <paramref name="area"/> where neurons are placed (without title and legend).</summary>
    public static SKRect PlotArea(SKRect area) =>
        new(area.Left + 44, area.Top + TopMargin + 12, area.Right - 52, area.Bottom - LegendHeight - 8);

    /// <summary>The centre of neuron <paramref name="index"/> of layer <paramref name="layer"/>.</summary>
    public static SKPoint NeuronPosition(SKRect area, IReadOnlyList<int> layerSizes, int layer, int index)
    {
        var plot = PlotArea(area);
        var x = layerSizes.Count < 2 ? plot.MidX : plot.Left + plot.Width * layer / (layerSizes.Count - 1);
        var spacing = Spacing(plot, layerSizes[layer]);
        var y = plot.MidY + (index - (layerSizes[layer] - 1) / 2f) * spacing;
        return new SKPoint(x, y);
    }

    /// <summary>The radius of the neurons of a layer with <paramref name="size"/> neurons.</summary>
    public static float NeuronRadius(SKRect area, int size) => Math.Clamp(Spacing(PlotArea(area), size) * 0.36f, 1.2f, 16f);

    private static float Spacing(SKRect plot, int size) => Math.Min(plot.Height / Math.Max(size, 1), 90f);

    /// <summary>Draws <paramref name="network"/> into <paramref name="area"/>.</summary>
    public void Render(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        Fonts.Draw(canvas, $"network {string.Join('-', sizes)}", area.Left + 10, area.Top + 18, Fonts.Label, Palette.DimText);
        if (sizes.Length < 2) return;
        DrawEdges(canvas, area, network);
        DrawNeurons(canvas, area, network);
        DrawLegend(canvas, area, network);
    }

    private void DrawEdges(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        var sizes = network.LayerSizes;
        var weights = network.EdgeWeight;
        var threshold = Threshold(weights, network.EdgeCount);
        var positions = sizes.Select((size, layer) => Enumerable.Range(0, size).Select(i => NeuronPosition(area, sizes, layer, i)).ToArray()).ToArray();
        foreach (var list in _segments) list.Clear();
        var drawn = 0;
        for (var k = 0; k < network.EdgeCount; k++)
        {
            var w = weights[k];
            var magnitude = double.IsNaN(w) ? 0 : Math.Abs(w);
            if (magnitude < threshold) continue;
            var layer = network.EdgeFromLayer[k];
            var from = positions[layer][network.EdgeFrom[k]];
            var to = positions[layer + 1][network.EdgeTo[k]];
            var bucket = (int)Math.Min(magnitude / BucketStep, Buckets - 1);
            var segments = _segments[w < 0 ? 1 : 0, bucket];
            segments.Add(from);
            segments.Add(to);
            drawn++;
        }
        DrawnEdges = drawn;
        HiddenEdges = network.EdgeCount - drawn;
        HiddenBelow = HiddenEdges > 0 ? threshold : 0;
        // Dense graphs trade antialiasing for speed (an antialiased wide line costs ~10x more on the
        // CPU) and draw their thin edges as faint one-pixel hairlines.
        var dense = drawn > DenseEdges;
        using var paint = new SKPaint { IsAntialias = !dense, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Butt };
        for (var b = 0; b < Buckets; b++)
        {
            var magnitude = (b + 0.5) * BucketStep;
            var width = EdgeStyle.Width(magnitude);
            var thin = dense && width < 2f;
            var alpha = thin ? (byte)110 : (byte)255;
            if (thin) width = 0; // hairline
            for (var s = 0; s < 2; s++)
            {
                if (_segments[s, b].Count == 0) continue;
                paint.StrokeWidth = width;
                paint.Color = EdgeStyle.Colour(s == 0 ? magnitude : -magnitude).WithAlpha(alpha);
                canvas.DrawPoints(SKPointMode.Lines, [.. _segments[s, b]], paint);
            }
        }
    }

    /// <summary>The |w| below which edges are skipped so that at most <see cref="MaxDrawnEdges"/> are drawn.</summary>
    private double Threshold(double[] weights, int count)
    {
        if (count <= MaxDrawnEdges) return 0;
        var max = 0.0;
        for (var k = 0; k < count; k++)
        {
            var m = Math.Abs(weights[k]);
            if (m > max && double.IsFinite(m)) max = m;
        }
        if (max == 0) return 0;
        Array.Clear(_histogram);
        var scale = (_histogram.Length - 1) / max;
        for (var k = 0; k < count; k++)
        {
            var m = Math.Abs(weights[k]);
            if (double.IsFinite(m)) _histogram[(int)(m * scale)]++;
        }
        var kept = 0;
        for (var bin = _histogram.Length - 1; bin >= 0; bin--)
        {
            if (kept + _histogram[bin] > MaxDrawnEdges) return (bin + 1) / scale;
            kept += _histogram[bin];
        }
        return 0;
    }

    private static void DrawNeurons(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        var sizes = network.LayerSizes;
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        for (var layer = 0; layer < sizes.Length; layer++)
        {
            var radius = NeuronRadius(area, sizes[layer]);
            for (var j = 0; j < sizes[layer]; j++)
            {
                var centre = NeuronPosition(area, sizes, layer, j);
                var activation = network.ShownActivation[layer][j];
                fill.Color = Palette.Lerp(new SKColor(0x2A, 0x2E, 0x36), new SKColor(0xF4, 0xF4, 0xF4), Shade(network.Activations[layer], activation));
                canvas.DrawCircle(centre, radius, fill);
                if (radius < 3) continue;
                var bias = network.Bias[layer][j];
                ring.Color = double.IsNaN(bias) ? Palette.DimText : EdgeStyle.Colour(bias);
                ring.StrokeWidth = double.IsNaN(bias) ? 1.5f : Math.Min(EdgeStyle.Width(bias), radius * 0.6f);
                canvas.DrawCircle(centre, radius, ring);
                if (radius >= 9 && !double.IsNaN(bias))
                {
                    Fonts.Draw(canvas, "b " + Numbers.Compact(bias), centre.X, centre.Y + radius + 14, Fonts.Small, Palette.DimText, SKTextAlign.Center);
                }
                if (radius >= 14)
                {
                    var ink = Shade(network.Activations[layer], activation) > 0.55 ? new SKColor(0x10, 0x10, 0x10) : Palette.Text;
                    Fonts.Draw(canvas, Numbers.Compact(activation), centre.X, centre.Y + 4, Fonts.Small, ink, SKTextAlign.Center);
                }
            }
        }
        var first = NeuronPosition(area, sizes, 0, 0);
        for (var i = 0; i < sizes[0] && sizes[0] <= 16; i++)
        {
            var p = NeuronPosition(area, sizes, 0, i);
            Fonts.Draw(canvas, $"x{i}", first.X - NeuronRadius(area, sizes[0]) - 6, p.Y + 4, Fonts.Label, Palette.DimText, SKTextAlign.Right);
        }
        var output = NeuronPosition(area, sizes, sizes.Length - 1, 0);
        Fonts.Draw(canvas, "out", output.X + NeuronRadius(area, sizes[^1]) + 6, output.Y + 4, Fonts.Label, Palette.DimText);
    }

    /// <summary>Maps an activation value to [0, 1] for the fill (tanh from [-1, 1], others clamped).</summary>
    private static double Shade(Activation kind, double value) =>
        double.IsNaN(value) ? 0 : kind == Activation.Tanh ? (value + 1) / 2 : Math.Clamp(value, 0, 1);

    private void DrawLegend(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        var y = area.Bottom - LegendHeight + 14;
        var x = area.Left + 10;
        Fonts.Draw(canvas, "|w|", x, y + 4, Fonts.Small, Palette.DimText);
        x += 26;
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var w in new[] { 0.0, 1, 2, 4, 6.33 })
        {
            line.StrokeWidth = EdgeStyle.Width(w);
            line.Color = EdgeStyle.Colour(w);
            canvas.DrawLine(x, y, x + 28, y, line);
            var label = w >= 6.33 ? Numbers.Compact(6.3) + "+" : Numbers.Compact(w);
            Fonts.Draw(canvas, label, x + 32, y + 4, Fonts.Small, Palette.DimText);
            x += 64;
        }
        line.StrokeWidth = 4;
        line.Color = Palette.Positive;
        canvas.DrawLine(x + 4, y, x + 24, y, line);
        Fonts.Draw(canvas, "w > 0", x + 28, y + 4, Fonts.Small, Palette.DimText);
        line.Color = Palette.Negative;
        canvas.DrawLine(x + 74, y, x + 94, y, line);
        Fonts.Draw(canvas, "w < 0", x + 98, y + 4, Fonts.Small, Palette.DimText);
        var fill = network.Probe is { } probe
            ? $"fill: activation at x = ({Numbers.Compact(probe.X0)}, {Numbers.Compact(probe.X1)})"
            : "fill: mean activation (point at the boundary plot for one input)";
        var note = $"width 0.5 + 1.5|w| px (max 10)   {fill}   ring: bias";
        if (HiddenEdges > 0)
        {
            note = $"showing {Numbers.Count(DrawnEdges)} of {Numbers.Count(network.EdgeCount)} weights: {Numbers.Count(HiddenEdges)} with |w| < "
                + Numbers.Compact(HiddenBelow) + " hidden";
        }
        Fonts.Draw(canvas, note, area.Left + 10, y + 24, Fonts.Small, HiddenEdges > 0 ? Palette.Accent : Palette.DimText);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var list in _segments) list.Clear();
    }
}
