using NeuronSim.Network.Formatting;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the network: layers as columns (input left, output right), weights as edges styled by
/// <see cref="EdgeStyle"/>, every neuron a circle filled by its activation (the batch mean, or the
/// probed input's: <see cref="NetworkSnapshot.ShownActivation"/>) on the activation's own scale
/// (<see cref="ActivationScale"/>: dark = low, white = high), its bias as the ring, and a legend.
/// Wide networks stay readable and fast: <see cref="EdgeSelection"/> keeps the largest |w| of every
/// layer pair within a budget per pair, and pairs of layers wider than 32 show their weight matrix
/// as a heatmap (<see cref="WeightMatrixHeatmap"/>). Edges are drawn as one batch of segments per
/// (sign, width bucket).
/// </summary>
public sealed class NetworkGraphRenderer : IDisposable
{
    /// <summary>Edges are grouped by |w| in steps of this size (each group is one draw call).</summary>
    public const double BucketStep = 0.25;

    /// <summary>Height of the legend at the bottom of the panel (three lines).</summary>
    public const float LegendHeight = 58;

    private const int Buckets = 28; // 28 * 0.25 = 7 > 6.33, where the width reaches its maximum
    private const float TopMargin = 26;
    private readonly List<SKPoint>[,] _segments = new List<SKPoint>[2, Buckets];
    private readonly EdgeSelection _selection = new();
    private readonly WeightMatrixHeatmap _heatmap = new();

    /// <summary>Creates a renderer.</summary>
    public NetworkGraphRenderer()
    {
        for (var s = 0; s < 2; s++)
            for (var b = 0; b < Buckets; b++) _segments[s, b] = new List<SKPoint>();
    }

    /// <summary>Above this many drawn edges the graph is "dense": no antialiasing, thin edges as faint hairlines.</summary>
    public const int DenseEdges = 64;

    /// <summary>The most edges drawn per frame (default 600), shared evenly by the layer pairs drawn as edges.</summary>
    public int MaxDrawnEdges { get; set; } = 600;

    /// <summary>Whether the last <see cref="Render"/> drew the neurons' own maps (else their fill).</summary>
    public bool MapsShown { get; private set; }

    /// <summary>Edges drawn in the last <see cref="Render"/>.</summary>
    public int DrawnEdges { get; private set; }

    /// <summary>Weights not drawn as an edge in the last <see cref="Render"/> (left out by the budget, or shown in a heatmap).</summary>
    public int HiddenEdges { get; private set; }

    /// <summary>Per layer pair: the edges drawn in the last <see cref="Render"/> (0 for a heatmap pair).</summary>
    public int[] DrawnPerPair { get; private set; } = [];

    /// <summary>Per layer pair: whether the last <see cref="Render"/> drew it as a weight-matrix heatmap.</summary>
    public bool[] HeatmapPairs => _selection.Heatmap;

    /// <summary>The range of the hidden layers' fill in the last <see cref="Render"/> (dark at Low, white at High).</summary>
    public (double Low, double High) FillRange { get; private set; } = (0, 1);

    /// <summary>The area inside <paramref name="area"/> where neurons are placed (without title and legend).</summary>
    public static SKRect PlotArea(SKRect area) =>
        new(area.Left + 44, area.Top + TopMargin + 12, area.Right - 52, area.Bottom - LegendHeight - 8);

    /// <summary>The centre of neuron <paramref name="index"/> of layer <paramref name="layer"/>.</summary>
    public static SKPoint NeuronPosition(SKRect area, IReadOnlyList<int> layerSizes, int layer, int index)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        var plot = PlotArea(area);
        var x = layerSizes.Count < 2 ? plot.MidX : plot.Left + plot.Width * layer / (layerSizes.Count - 1);
        var spacing = Spacing(plot, layerSizes[layer]);
        var y = plot.MidY + (index - (layerSizes[layer] - 1) / 2f) * spacing;
        return new SKPoint(x, y);
    }

    /// <summary>The radius of the neurons of a layer with <paramref name="size"/> neurons.</summary>
    public static float NeuronRadius(SKRect area, int size) => Math.Clamp(Spacing(PlotArea(area), size) * 0.36f, 1.2f, 22f);

    private static float Spacing(SKRect plot, int size) => Math.Min(plot.Height / Math.Max(size, 1), 90f);

    /// <summary>Draws <paramref name="network"/> into <paramref name="area"/>, marking hidden layer <paramref name="selectedLayer"/> (0: none).</summary>
    /// <remarks><paramref name="maps"/>: each neuron's own output over the input domain, drawn inside its circle (unless a probe is shown), or null.</remarks>
    public void Render(SKCanvas canvas, SKRect area, NetworkSnapshot network, int selectedLayer = 0, NeuronMaps? maps = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        var (title, font) = Fonts.Fit(Fonts.Label, area.Width - 20, $"network {string.Join('-', sizes)}", string.Join('-', sizes));
        Fonts.Draw(canvas, title, area.Left + 10, area.Top + 18, font, Palette.DimText);
        if (sizes.Length < 2) return;
        if (selectedLayer > 0 && selectedLayer < sizes.Length - 1) DrawSelectedLayer(canvas, area, sizes, selectedLayer);
        DrawEdges(canvas, area, network);
        DrawFrozenEdges(canvas, area, network);
        MapsShown = network.Probe is null && maps is not null;
        DrawNeurons(canvas, area, network, MapsShown ? maps : null);
        NetworkLegend.Draw(canvas, new SKRect(area.Left + 10, area.Bottom - LegendHeight, area.Right - 10, area.Bottom), network, this);
    }

    /// <summary>A faint band behind the selected hidden layer, labelled with what acts on it.</summary>
    private static void DrawSelectedLayer(SKCanvas canvas, SKRect area, int[] sizes, int layer)
    {
        var top = NeuronPosition(area, sizes, layer, 0);
        var bottom = NeuronPosition(area, sizes, layer, sizes[layer] - 1);
        var r = NeuronRadius(area, sizes[layer]) + 8;
        using var band = new SKPaint { Color = Palette.Accent.WithAlpha(34), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(top.X - r, top.Y - r, top.X + r, bottom.Y + r + 12), 8, 8, band);
        Fonts.Draw(canvas, $"layer {layer}", top.X, Math.Max(area.Top + 32, top.Y - r - 4), Fonts.Small, Palette.Accent, SKTextAlign.Center);
    }

    /// <summary>Frozen weights: an icy dashed line over the edge.</summary>
    private void DrawFrozenEdges(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        if (!network.EdgeFrozen.Contains(true)) return;
        var sizes = network.LayerSizes;
        using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Palette.Frozen, PathEffect = SKPathEffect.CreateDash([6, 4], 0) };
        for (var k = 0; k < network.EdgeCount; k++)
        {
            if (!network.EdgeFrozen[k] || EdgeSelection.IsHeatmap(sizes, network.EdgeFromLayer[k])) continue;
            canvas.DrawLine(NeuronPosition(area, sizes, network.EdgeFromLayer[k], network.EdgeFrom[k]),
                NeuronPosition(area, sizes, network.EdgeFromLayer[k] + 1, network.EdgeTo[k]), pen);
        }
    }

    /// <summary>Outlines the hovered neuron or edge (white) and the selected edge (yellow) of <paramref name="network"/> as drawn into <paramref name="area"/>.</summary>
    public void DrawHighlights(SKCanvas canvas, SKRect area, NetworkSnapshot network, GraphTarget? hover, GraphTarget? selected)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        foreach (var (target, colour) in new[] { (selected, Palette.Accent), (hover, SKColors.White) })
        {
            if (target is not { } t || t.Layer >= sizes.Length || t.From >= sizes[t.Layer]) continue;
            pen.Color = colour;
            if (t.IsEdge)
            {
                if (t.Layer + 1 >= sizes.Length || t.To >= sizes[t.Layer + 1]) continue;
                var k = network.EdgeIndex(t.Layer, t.From, t.To);
                pen.StrokeWidth = Math.Max(3, (k < 0 ? 1 : EdgeStyle.Width(network.EdgeDrawn[k])) + 3);
                canvas.DrawLine(NeuronPosition(area, sizes, t.Layer, t.From), NeuronPosition(area, sizes, t.Layer + 1, t.To), pen);
            }
            else
            {
                pen.StrokeWidth = 2.5f;
                canvas.DrawCircle(NeuronPosition(area, sizes, t.Layer, t.From), NeuronRadius(area, sizes[t.Layer]) + 4, pen);
            }
        }
    }

    private void DrawEdges(SKCanvas canvas, SKRect area, NetworkSnapshot network)
    {
        var sizes = network.LayerSizes;
        _selection.Choose(network, MaxDrawnEdges);
        var positions = sizes.Select((size, layer) => Enumerable.Range(0, size).Select(i => NeuronPosition(area, sizes, layer, i)).ToArray()).ToArray();
        foreach (var list in _segments) list.Clear();
        var perPair = new int[sizes.Length - 1];
        var weights = network.EdgeDrawn;
        for (var k = 0; k < network.EdgeCount; k++)
        {
            if (!_selection.Draws(network, k)) continue;
            var w = weights[k];
            var magnitude = double.IsNaN(w) ? 0 : Math.Abs(w);
            var layer = network.EdgeFromLayer[k];
            var bucket = (int)Math.Min(magnitude / BucketStep, Buckets - 1);
            var segments = _segments[w < 0 ? 1 : 0, bucket];
            segments.Add(positions[layer][network.EdgeFrom[k]]);
            segments.Add(positions[layer + 1][network.EdgeTo[k]]);
            perPair[layer]++;
        }
        DrawnPerPair = perPair;
        DrawnEdges = perPair.Sum();
        HiddenEdges = network.EdgeCount - DrawnEdges;
        // Dense graphs trade antialiasing for speed (an antialiased wide line costs ~10x more on the
        // CPU) and draw their thin edges as faint one-pixel hairlines.
        var dense = DrawnEdges > DenseEdges;
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
        for (var pair = 0; pair < sizes.Length - 1; pair++)
        {
            if (!_selection.Heatmap[pair]) continue;
            var from = positions[pair];
            var to = positions[pair + 1];
            var margin = NeuronRadius(area, sizes[pair]) + 8;
            var cell = new SKRect(from[0].X + margin, Math.Min(from[0].Y, to[0].Y), to[0].X - margin, Math.Max(from[^1].Y, to[^1].Y));
            if (cell.Width > 4 && cell.Height > 4) _heatmap.Draw(canvas, cell, network, pair);
        }
    }

    private void DrawNeurons(SKCanvas canvas, SKRect area, NetworkSnapshot network, NeuronMaps? maps)
    {
        var sizes = network.LayerSizes;
        var ranges = FillRanges(network);
        FillRange = ranges[Math.Min(1, ranges.Length - 1)];
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        for (var layer = 0; layer < sizes.Length; layer++)
        {
            var radius = NeuronRadius(area, sizes[layer]);
            var (low, high) = ranges[layer];
            for (var j = 0; j < sizes[layer]; j++)
            {
                var centre = NeuronPosition(area, sizes, layer, j);
                var activation = network.ShownActivation[layer][j];
                var shade = ActivationScale.Position(activation, low, high);
                fill.Color = double.IsNaN(shade) ? Palette.NoPrediction : Palette.Lerp(NeuronDark, NeuronLight, shade);
                canvas.DrawCircle(centre, radius, fill);
                var mapped = radius >= 6 && maps is not null && maps.Has(layer, j);
                if (mapped)
                {
                    canvas.Save();
                    using (var clip = new SKPath())
                    {
                        clip.AddCircle(centre.X, centre.Y, radius);
                        canvas.ClipPath(clip, antialias: true);
                    }
                    maps!.Draw(canvas, layer, j, new SKRect(centre.X - radius, centre.Y - radius, centre.X + radius, centre.Y + radius));
                    canvas.Restore();
                }
                if (radius < 3) continue;
                var bias = network.Bias[layer][j];
                ring.Color = double.IsNaN(bias) ? Palette.DimText : EdgeStyle.Colour(bias);
                ring.StrokeWidth = double.IsNaN(bias) ? 1.5f : Math.Min(EdgeStyle.Width(bias), radius * 0.6f);
                canvas.DrawCircle(centre, radius, ring);
                if (layer < network.NeuronFrozen.Length && network.NeuronFrozen[layer][j])
                {
                    using var ice = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Palette.Frozen };
                    canvas.DrawRect(centre.X - radius - 3, centre.Y - radius - 3, 2 * radius + 6, 2 * radius + 6, ice);
                }
                if (radius >= 9 && !double.IsNaN(bias))
                {
                    Fonts.Draw(canvas, "b " + Numbers.Compact(Round(bias)), centre.X, centre.Y + radius + 12, Fonts.Small, Palette.DimText, SKTextAlign.Center);
                }
                if (radius >= 14 && !mapped)
                {
                    var text = Numbers.Compact(Round(activation));
                    var ink = double.IsNaN(shade) ? Palette.Warning : shade > 0.55 ? new SKColor(0x10, 0x10, 0x10) : Palette.Text;
                    var font = Fonts.Fitting(Fonts.Small, text, radius * 2 - 4);
                    Fonts.Draw(canvas, text, centre.X, centre.Y + 4, font, ink, SKTextAlign.Center);
                }
            }
        }
        var first = NeuronPosition(area, sizes, 0, 0);
        for (var i = 0; i < sizes[0] && sizes[0] <= 16; i++)
        {
            var p = NeuronPosition(area, sizes, 0, i);
            var name = NeuronNames.Of(network.InputNames, sizes, 0, i);
            var r = NeuronRadius(area, sizes[0]);
            if (name.Length <= 3) Fonts.Draw(canvas, name, first.X - r - 4, p.Y + 4, Fonts.Label, Palette.DimText, SKTextAlign.Right);
            else Fonts.Draw(canvas, name, p.X, p.Y - r - 4, Fonts.Small, Palette.DimText, SKTextAlign.Center); // a long feature name sits above its neuron

        }
        var output = NeuronPosition(area, sizes, sizes.Length - 1, 0);
        Fonts.Draw(canvas, "out", output.X + NeuronRadius(area, sizes[^1]) + 6, output.Y + 4, Fonts.Label, Palette.DimText);
    }

    private static readonly SKColor NeuronDark = new(0x2A, 0x2E, 0x36), NeuronLight = new(0xF4, 0xF4, 0xF4);

    /// <summary>Two decimals are what a label needs (Compact then keeps it short).</summary>
    private static double Round(double value) => Math.Abs(value) < 1e5 ? Math.Round(value, 2) : value;

    /// <summary>
    /// The fill range of every layer: the activation's own range when it is bounded; else the range
    /// observed over every unbounded hidden and output layer (the input layer: its own values).
    /// </summary>
    private static (double Low, double High)[] FillRanges(NetworkSnapshot network)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (var layer = 1; layer < network.LayerSizes.Length; layer++)
        {
            if (ActivationScale.Range(network.Activations[layer]) is not null) continue;
            foreach (var v in network.ShownActivation[layer])
            {
                if (!double.IsFinite(v)) continue;
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }
        var observed = low <= high ? (low, high) : (0.0, 1.0);
        var inputs = network.ShownActivation[0].Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        return network.Activations.Select((kind, layer) => layer == 0
            ? (Math.Min(inputs.Min(), 0), Math.Max(inputs.Max(), 1))
            : ActivationScale.Range(kind) ?? observed).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var list in _segments) list.Clear();
        _heatmap.Dispose();
    }
}
