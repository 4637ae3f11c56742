using System.Diagnostics;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Every neuron's own output over the input domain, as a small map (TensorFlow Playground's neuron
/// pictures): one batched forward pass over a coarse grid of the data's domain computes every layer
/// at once, from the topology's dense weights (the inputs' maps are their features). Each map is
/// coloured on its activation's range (red low, blue high; an unbounded activation on the map's own
/// range). Recomputed when the weights change, at most every <see cref="LiveInterval"/> while live.
/// </summary>
public sealed class NeuronMaps : IDisposable
{
    /// <summary>Grid points per side.</summary>
    public const int Resolution = 20;

    /// <summary>The most neurons of one layer that get a map: a wider layer shows its most varied ones.</summary>
    public const int MaxPerLayer = 16;

    /// <summary>How often maps are recomputed while training runs live.</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(150);

    private double[][][] _out = [];
    private SKBitmap?[][] _bitmaps = [];
    private (object? Simulation, long Fingerprint, long Structure) _key;
    private long _computedAt;

    /// <summary>Per layer, per neuron: the output at every grid cell (row 0 at the top), from the last <see cref="Update"/>.</summary>
    public double[][][] Values => _out;

    /// <summary>Whether neuron <paramref name="index"/> of <paramref name="layer"/> has a map (wide layers: only the most varied).</summary>
    public bool Has(int layer, int index) => layer < _bitmaps.Length && index < _bitmaps[layer].Length && _bitmaps[layer][index] is not null;

    /// <summary>The map of neuron <paramref name="index"/> of <paramref name="layer"/>, or null.</summary>
    public SKBitmap? Map(int layer, int index) => Has(layer, index) ? _bitmaps[layer][index] : null;

    /// <summary>Recomputes the maps for <paramref name="simulation"/> when its weights (<paramref name="fingerprint"/>) or shape changed.</summary>
    public void Update(TrainingSimulation simulation, long fingerprint, bool live)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var key = ((object?)simulation, fingerprint, simulation.World.StructureVersion);
        if (Equals(key, _key)) return;
        var sameShape = ReferenceEquals(key.Item1, _key.Simulation) && key.StructureVersion == _key.Structure;
        if (live && sameShape && Stopwatch.GetElapsedTime(_computedAt) < LiveInterval) return;
        Compute(simulation);
        _key = key;
        _computedAt = Stopwatch.GetTimestamp();
    }

    private void Compute(TrainingSimulation simulation)
    {
        var topology = simulation.Topology;
        var layers = topology.Layers;
        const int cells = Resolution * Resolution;
        var padded = BatchKernels.Padded(cells);
        if (_out.Length != layers.Length || !_out.Zip(layers).All(p => p.First.Length == p.Second.Size))
        {
            _out = layers.Select(l => Enumerable.Range(0, l.Size).Select(_ => new double[padded]).ToArray()).ToArray();
            foreach (var layer in _bitmaps) foreach (var bitmap in layer) bitmap?.Dispose();
            _bitmaps = layers.Select(l => new SKBitmap?[l.Size]).ToArray();
        }
        var features = simulation.Spec.Features;
        var domain = new PlotDomain(simulation.Data.Bounds);
        Span<double> values = stackalloc double[features.Count];
        for (var row = 0; row < Resolution; row++)
        {
            for (var col = 0; col < Resolution; col++)
            {
                var (x0, x1) = domain.Cell(row, col, Resolution);
                features.Compute(x0, x1, values);
                for (var f = 0; f < values.Length; f++) _out[0][f][row * Resolution + col] = values[f];
            }
        }
        topology.GatherParameters();
        for (var l = 1; l < layers.Length; l++)
        {
            LayerMath.Forward(topology.Weights, layers[l].WeightOffset, layers[l].Bias, _out[l - 1], _out[l], layers[l].Activation, padded);
        }
        for (var l = 0; l < layers.Length; l++) Paint(l, l == 0 ? null : ActivationScale.Range(layers[l].Activation.Kind));
    }

    /// <summary>Colours the maps of layer <paramref name="layer"/>: the <see cref="MaxPerLayer"/> most varied when it is wider.</summary>
    private void Paint(int layer, (double Low, double High)? range)
    {
        var maps = _out[layer];
        var spread = maps.Select(m => Spread(m.AsSpan(0, Resolution * Resolution))).ToArray();
        var keep = Enumerable.Range(0, maps.Length).OrderByDescending(j => spread[j].High - spread[j].Low).Take(MaxPerLayer).ToHashSet();
        for (var j = 0; j < maps.Length; j++)
        {
            if (!keep.Contains(j))
            {
                _bitmaps[layer][j]?.Dispose();
                _bitmaps[layer][j] = null;
                continue;
            }
            var bitmap = _bitmaps[layer][j] ??= new SKBitmap(new SKImageInfo(Resolution, Resolution, SKColorType.Bgra8888, SKAlphaType.Opaque));
            var (low, high) = range ?? spread[j];
            for (var k = 0; k < Resolution * Resolution; k++)
            {
                var position = ActivationScale.Position(maps[j][k], low, high);
                bitmap.SetPixel(k % Resolution, k / Resolution, double.IsNaN(position) ? Palette.NoPrediction : DecisionBoundaryRenderer.ColourOf(position));
            }
        }
    }

    private static (double Low, double High) Spread(ReadOnlySpan<double> values)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        if (double.IsPositiveInfinity(low)) return (0, 1);
        return high > low ? (low, high) : (low - 0.5, low + 0.5);
    }

    /// <summary>Draws the map of neuron (<paramref name="layer"/>, <paramref name="index"/>) into <paramref name="rect"/>, smoothly scaled.</summary>
    public void Draw(SKCanvas canvas, int layer, int index, SKRect rect)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (Map(layer, index) is not { } bitmap) return;
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var layer in _bitmaps) foreach (var bitmap in layer) bitmap?.Dispose();
    }
}
