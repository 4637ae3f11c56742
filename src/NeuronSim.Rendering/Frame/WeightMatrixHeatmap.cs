using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the weights between two wide layers as a small heatmap instead of edges: one cell per
/// weight, column = source neuron, row = target neuron (top to bottom as the neurons are drawn),
/// coloured as its edge would be (<see cref="EdgeStyle.Colour"/>: orange w &gt; 0, blue w &lt; 0, grey near 0).
/// </summary>
public sealed class WeightMatrixHeatmap : IDisposable
{
    private readonly Dictionary<int, SKBitmap> _images = [];

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
            var c = EdgeStyle.Colour(network.EdgeWeight[k]);
            pixels[network.EdgeTo[k] * stride + network.EdgeFrom[k]] = 0xFF000000u | ((uint)c.Red << 16) | ((uint)c.Green << 8) | c.Blue;
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
