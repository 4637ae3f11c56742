using NeuronSim.Network.Formatting;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The graph's legend: edge width and colour by weight, the fill's scale (the activation's range,
/// as a dark-to-white bar with its ends), the ring, how many weights are shown and which layer
/// pairs are heatmaps. Entries flow over at most three lines; the least needed are left out when
/// the panel is narrow.
/// </summary>
public static class NetworkLegend
{
    private const int MaxLines = 3;
    private const float LineHeight = 17;

    /// <summary>Draws the legend of <paramref name="network"/> as <paramref name="graph"/> drew it, into <paramref name="area"/>.</summary>
    public static void Draw(SKCanvas canvas, SKRect area, NetworkSnapshot network, NetworkGraphRenderer graph)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(graph);
        List<LegendItem> required;
        if (network.ShowGradients)
        {
            // Gradients on their own scale: the largest |dL/dw| gets the widest edge.
            var scale = network.GradientScale;
            required = [LegendFlow.Text("GRADIENTS (G: weights)  |dL/dw|", Palette.Accent)];
            foreach (var w in new[] { 0.0, 1, 4 }) required.Add(Swatch(w, Numbers.Compact(scale * w / NetworkSnapshot.GradientFullWidth)));
            required.Add(Swatch(NetworkSnapshot.GradientFullWidth, Numbers.Compact(scale) + " (max)"));
            required.Add(Swatch(3, "dL/dw > 0"));
            required.Add(Swatch(-3, "dL/dw < 0"));
        }
        else
        {
            required = [LegendFlow.Text("|w|", Palette.DimText)];
            foreach (var w in new[] { 0.0, 1, 4 }) required.Add(Swatch(w, Numbers.Compact(w)));
            required.Add(Swatch(6.33, Numbers.Compact(6.3) + "+"));
            required.Add(Swatch(3, "w > 0"));
            required.Add(Swatch(-3, "w < 0"));
        }
        var kind = network.Activations.Length > 1 ? network.Activations[1] : Network.Components.Activation.Identity;
        var name = kind.ToString().ToLowerInvariant() + (ActivationScale.Range(kind) is null ? ", observed" : "");
        if (graph.MapsShown)
        {
            var range = ActivationScale.Range(kind);
            required.Add(LegendFlow.Text(range is { } r
                ? $"maps: red {Numbers.Compact(r.Low)} to blue {Numbers.Compact(r.High)} ({kind.ToString().ToLowerInvariant()})"
                : $"maps: red to blue over each map's own range ({kind.ToString().ToLowerInvariant()})", Palette.DimText));
        }
        else
        {
            required.Add(FillBar(graph.FillRange, name));
        }
        var heatmaps = graph.HeatmapPairs.Count(h => h);
        if (heatmaps > 0) required.Add(LegendFlow.Text($"layers wider than {EdgeSelection.HeatmapAbove}: weight matrix as heatmap (column from, row to)", Palette.Accent));
        if (graph.HiddenEdges > 0 && graph.DrawnEdges > 0)
        {
            required.Add(LegendFlow.Text($"edges: largest |w| per layer pair, {Numbers.Count(graph.DrawnEdges)} of {Numbers.Count(network.EdgeCount)}", Palette.Accent));
        }
        if (network.ShownActivation.Any(layer => layer.Any(v => !double.IsFinite(v)))) required.Add(LegendFlow.Text("black fill: not finite", Palette.Warning));
        var optional = new List<LegendItem>
        {
            LegendFlow.Text("ring: bias", Palette.DimText),
            LegendFlow.Text(network.Probe is { } probe
                ? $"fill at x = ({Numbers.Compact(Math.Round(probe.X0, 2))}, {Numbers.Compact(Math.Round(probe.X1, 2))})"
                : graph.MapsShown ? "inside: each neuron's output over the domain (hover: large; E: fill)" : "fill: mean over the batch (point at the boundary for one input)", Palette.DimText),
            LegendFlow.Text(network.ShowGradients ? "width by |dL/dw| / max" : "width 0.5 + 1.5|w| px", Palette.DimText),
        };
        var items = required;
        foreach (var item in optional)
        {
            if (item.Width <= area.Width && LegendFlow.Lines([.. items, item], area.Width) <= MaxLines) items = [.. items, item];
        }
        LegendFlow.Draw(canvas, items, area.Left, area.Top + 14, area.Width, LineHeight);
    }

    private static LegendItem Swatch(double weight, string label)
    {
        var width = 26 + Fonts.Small.MeasureText(label);
        return new LegendItem(width, (canvas, x, y) =>
        {
            using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Min(EdgeStyle.Width(weight), 8), Color = EdgeStyle.Colour(weight) };
            canvas.DrawLine(x, y - 4, x + 20, y - 4, line);
            Fonts.Draw(canvas, label, x + 24, y, Fonts.Small, Palette.DimText);
        });
    }

    /// <summary>"fill" then the low end, a dark-to-white bar, the high end and the activation's name.</summary>
    private static LegendItem FillBar((double Low, double High) range, string name)
    {
        var low = Numbers.Compact(Math.Round(range.Low, 2));
        var high = Numbers.Compact(Math.Round(range.High, 2)) + $" ({name})";
        const float bar = 50;
        var width = Fonts.Small.MeasureText("fill ") + Fonts.Small.MeasureText(low) + bar + 8 + Fonts.Small.MeasureText(high);
        return new LegendItem(width, (canvas, x, y) =>
        {
            Fonts.Draw(canvas, "fill " + low, x, y, Fonts.Small, Palette.DimText);
            x += Fonts.Small.MeasureText("fill " + low) + 4;
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(x, 0), new SKPoint(x + bar, 0),
                    [new SKColor(0x2A, 0x2E, 0x36), new SKColor(0xF4, 0xF4, 0xF4)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(x, y - 9, bar, 9, gradient);
            Fonts.Draw(canvas, high, x + bar + 4, y, Fonts.Small, Palette.DimText);
        });
    }
}
