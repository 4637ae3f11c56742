using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the weights between two wide layers as a small heatmap instead of edges: one cell per
/// weight, column = source neuron, row = target neuron (top to bottom as the neurons are drawn),
/// coloured as its edge would be (<see cref="EdgeStyle.Colour"/>: orange w &gt; 0, blue w &lt; 0, grey near 0).
/// </summary>
public sealed class WeightMatrixHeatmap : IDisposable
{
    private const int Steps = 256;
    private static readonly uint[] Positive = Table(1), Negative = Table(-1);
    private readonly Dictionary<int, SKBitmap> _images = [];

    /// <summary>The edge colour of <paramref name="weight"/> as BGRA in memory, from a table of <see cref="Steps"/> steps up to <see cref="EdgeStyle.FullColourAt"/>.</summary>
    private static uint ColourOf(double weight)
    {
        if (double.IsNaN(weight)) return Pack(Palette.Neutral);
        var step = (int)Math.Min(Math.Abs(weight) / EdgeStyle.FullColourAt * (Steps - 1) + 0.5, Steps - 1);
        return weight >= 0 ? Positive[step] : Negative[step];
    }

    private static uint[] Table(int sign) =>
        Enumerable.Range(0, Steps).Select(i => Pack(EdgeStyle.Colour(sign * EdgeStyle.FullColourAt * i / (Steps - 1)))).ToArray();

    private static uint Pack(SkiaSharp.SKColor c) => 0xFF000000u | ((uint)c.Red << 16) | ((uint)c.Green << 8) | c.Blue;

    /// <summary>Draws the weights of pair <paramref name="pair"/> (layer pair → layer pair + 1) of <paramref name="network"/> into <paramref name="cell"/>.</summary>
    public void Draw(SKCanvas canvas, SKRect cell, NetworkSnapshot network, int pair)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(network);
        int columns = network.LayerSizes[pair], rows = network.LayerSizes[pair + 1];
        if (!_images.TryGetValue(pair, out var image) || image.Width != columns || image.Height != rows)
        {
            image?.Dispose();
            _images[pair] = image = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Bgra8888, SKAlphaType.Opaque));
        }
        var pixels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(image.GetPixelSpan());
        var stride = image.RowBytes / 4;
        for (var k = 0; k < network.EdgeCount; k++)
        {
            if (network.EdgeFromLayer[k] != pair) continue;
            pixels[network.EdgeTo[k] * stride + network.EdgeFrom[k]] = ColourOf(network.EdgeDrawn[k]);
        }
        image.NotifyPixelsChanged();
        using var sharp = SKImage.FromBitmap(image);
        canvas.DrawImage(sharp, cell, new SKSamplingOptions(SKFilterMode.Nearest));
        using var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(cell, border);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var image in _images.Values) image.Dispose();
        _images.Clear();
    }
}
