using System.Diagnostics;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The decision boundary's heatmap: the network's output on a grid over the data's domain,
/// interpolated to the plot's pixels and coloured red (0) to blue (1). The grid is coarser for large
/// networks (about 4 million multiply-adds per refresh) and is only recomputed when the weights
/// changed; in live mode an expensive refresh is also spread over frames so the window never stalls.
/// </summary>
public sealed class BoundaryHeatmap : IDisposable
{
    private const double CostBudget = 4e6;
    private const double LiveMillisecondsPerFrame = 6;

    private static readonly uint[] Colours = BuildColours();

    /// <summary>Where the output is NaN or infinite the heatmap shows no class: a dark grey (BGRA in memory).</summary>
    private static readonly uint NoPrediction = 0xFF000000u | ((uint)Palette.NoPrediction.Red << 16) | ((uint)Palette.NoPrediction.Green << 8) | Palette.NoPrediction.Blue;

    /// <summary>The heatmap colour of output <paramref name="output"/> (clamped to [0, 1]; <see cref="Palette.NoPrediction"/> when not finite).</summary>
    public static SKColor ColourOf(double output)
    {
        if (!double.IsFinite(output)) return Palette.NoPrediction;
        var c = Colours[(int)(Math.Clamp(output, 0, 1) * 255 + 0.5)];
        return new SKColor((byte)(c >> 16), (byte)(c >> 8), (byte)c);
    }

    private SKBitmap? _image;
    private bool _imageStale = true;
    private bool _computed;
    private int[] _column = [];
    private float[] _fraction = [];
    private double[] _x0 = [], _x1 = [], _output = [];
    private int _resolution;
    private (object? Simulation, long Fingerprint) _key;
    private int _framesUntilRefresh;

    /// <summary>Whether the last refresh was put off, so the heatmap shows older weights (live mode).</summary>
    public bool RefreshPending { get; private set; }

    /// <summary>Whether the heatmap shows only the predicted class (<see cref="Classification.Predicted"/>), as the Playground's "discretize output".</summary>
    public bool Discretize
    {
        get => _discretize;
        set
        {
            _imageStale |= _discretize != value;
            _discretize = value;
        }
    }
    private bool _discretize;

    /// <summary>Grid points per side of the last heatmap.</summary>
    public int Resolution => _resolution;

    /// <summary>Grid points per side for a network with <paramref name="parameters"/> weights (24 to 64).</summary>
    public static int ResolutionFor(int parameters) => (int)Math.Clamp(Math.Sqrt(CostBudget / Math.Max(parameters, 1)), 24, 64);

    /// <summary>Draws the heatmap of the last <see cref="Refresh"/> into <paramref name="plot"/> (nothing before the first).</summary>
    public void Draw(SKCanvas canvas, SKRect plot)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (!_computed) return;
        if (_image is null || _image.Width != (int)plot.Width || _image.Height != (int)plot.Height)
        {
            _image?.Dispose();
            _image = new SKBitmap(new SKImageInfo(Math.Max(1, (int)plot.Width), Math.Max(1, (int)plot.Height), SKColorType.Bgra8888, SKAlphaType.Opaque));
            _imageStale = true;
        }
        if (_imageStale) Paint(_image);
        canvas.DrawBitmap(_image, plot.Left, plot.Top);
    }

    /// <summary>
    /// Recomputes the grid for <paramref name="simulation"/> (<paramref name="parameters"/> weights) when its weights
    /// (<paramref name="fingerprint"/>) changed; in <paramref name="live"/> mode an expensive refresh may be put off a few frames.
    /// </summary>
    public void Refresh(TrainingSimulation simulation, int parameters, long fingerprint, bool live)
    {
        var resolution = ResolutionFor(parameters);
        var key = ((object?)simulation, fingerprint);
        var stale = !Equals(key, _key) || resolution != _resolution || !_computed;
        RefreshPending = false;
        if (!stale) return;
        if (live && _computed && resolution == _resolution && --_framesUntilRefresh > 0)
        {
            RefreshPending = true;
            return;
        }
        var watch = Stopwatch.StartNew();
        Compute(simulation, resolution);
        _key = key;
        _framesUntilRefresh = (int)Math.Ceiling(watch.Elapsed.TotalMilliseconds / LiveMillisecondsPerFrame);
    }

    private void Compute(TrainingSimulation simulation, int resolution)
    {
        var cells = resolution * resolution;
        var total = cells;
        if (_x0.Length != total)
        {
            _x0 = new double[total];
            _x1 = new double[total];
            _output = new double[total];
        }
        _resolution = resolution;
        var domain = new PlotDomain(simulation.Data.Bounds);
        for (var row = 0; row < resolution; row++)
        {
            for (var col = 0; col < resolution; col++)
            {
                (_x0[row * resolution + col], _x1[row * resolution + col]) = domain.Cell(row, col, resolution);
            }
        }
        simulation.Predict(_x0, _x1, _output);
        _computed = true;
        _imageStale = true;
    }

    /// <summary>Paints the heatmap at the plot's size: the grid's outputs interpolated bilinearly, then coloured.</summary>
    private void Paint(SKBitmap image)
    {
        var pixels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(image.GetPixelSpan());
        int width = image.Width, height = image.Height, n = _resolution;
        var stride = image.RowBytes / 4;
        var last = Math.Max(n - 2, 0);
        if (_column.Length != width)
        {
            _column = new int[width];
            _fraction = new float[width];
        }
        for (var px = 0; px < width; px++)
        {
            var u = Math.Clamp((px + 0.5f) / width * n - 0.5f, 0, n - 1);
            _column[px] = Math.Min((int)u, last);
            _fraction[px] = u - _column[px];
        }
        var output = _output;
        for (var py = 0; py < height; py++)
        {
            var v = Math.Clamp((py + 0.5f) / height * n - 0.5f, 0, n - 1);
            var r0 = Math.Min((int)v, last);
            var fy = (float)(v - r0);
            var row = pixels.Slice(py * stride, width);
            int top = r0 * n, bottom = Math.Min(r0 + 1, n - 1) * n;
            for (var px = 0; px < width; px++)
            {
                var c0 = _column[px];
                var c1 = Math.Min(c0 + 1, n - 1);
                var fx = _fraction[px];
                if (!double.IsFinite(output[top + c0]) || !double.IsFinite(output[top + c1]) || !double.IsFinite(output[bottom + c0]) || !double.IsFinite(output[bottom + c1]))
                {
                    row[px] = NoPrediction;
                    continue;
                }
                var a = output[top + c0] + (output[top + c1] - output[top + c0]) * fx;
                var b = output[bottom + c0] + (output[bottom + c1] - output[bottom + c0]) * fx;
                var p = a + (b - a) * fy;
                row[px] = Colours[_discretize ? Classification.Predicted(p) == 1 ? 255 : 0 : (int)(Math.Clamp(p, 0, 1) * 255 + 0.5)];
            }
        }
        _imageStale = false;
    }

    /// <summary>The heatmap colour of each output 0..255 (as BGRA in memory): red at 0, grey at 0.5, blue at 1.</summary>
    private static uint[] BuildColours()
    {
        var low = Palette.Lerp(Palette.Label0, Palette.Panel, 0.45);
        var high = Palette.Lerp(Palette.Label1, Palette.Panel, 0.45);
        var middle = new SKColor(0x5A, 0x5C, 0x62);
        var colours = new uint[256];
        for (var i = 0; i < 256; i++)
        {
            var p = i / 255.0;
            var c = p < 0.5 ? Palette.Lerp(low, middle, p * 2) : Palette.Lerp(middle, high, (p - 0.5) * 2);
            colours[i] = 0xFF000000u | ((uint)c.Red << 16) | ((uint)c.Green << 8) | c.Blue;
        }
        return colours;
    }

    /// <inheritdoc />
    public void Dispose() => _image?.Dispose();
}
