using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the decision boundary: the network's output over the input square [0, 1]^2 as a
/// heatmap (red = 0, blue = 1, as the lab's labels), with the data points on top (filled with
/// their label's colour; a yellow ring marks a wrong prediction), its axes and a probe's crosshair.
/// The heatmap itself (its grid, refresh and colours) is <see cref="BoundaryHeatmap"/>.
/// </summary>
public sealed class DecisionBoundaryRenderer : IDisposable
{
    /// <summary>The margin around the data's bounds (see <see cref="PlotDomain.Margin"/>).</summary>
    public const double Margin = PlotDomain.Margin;

    private readonly BoundaryHeatmap _heatmap = new();

    /// <summary>The heatmap colour of output <paramref name="output"/> (clamped to [0, 1]; <see cref="Palette.NoPrediction"/> when not finite).</summary>
    public static SKColor ColourOf(double output) => BoundaryHeatmap.ColourOf(output);

    private readonly PointClassification _points = new();

    /// <summary>Held-out test points whose current prediction is wrong, in the last frame (0 without a test set).</summary>
    public int TestWrongCount => _points.TestWrongCount;

    /// <summary>Whether the last frame showed an older heatmap because a refresh was put off (live mode).</summary>
    public bool RefreshPending => _heatmap.RefreshPending;

    /// <summary>Data points whose current prediction is wrong (<see cref="Classification.IsCorrect"/>: a non-finite output is wrong), as ringed in the last frame.</summary>
    public int WrongCount => _points.WrongCount;

    /// <summary>Data points whose current output is NaN or infinite (they predict nothing), in the last frame.</summary>
    public int NotFiniteCount => _points.NotFiniteCount;

    /// <summary>Whether the heatmap shows only the predicted class (<see cref="Classification.Predicted"/>), as the Playground's "discretize output".</summary>
    public bool Discretize
    {
        get => _heatmap.Discretize;
        set => _heatmap.Discretize = value;
    }

    /// <summary>Grid points per side of the last heatmap.</summary>
    public int Resolution => _heatmap.Resolution;

    /// <summary>Grid points per side for a network with <paramref name="parameters"/> weights (24 to 64).</summary>
    public static int ResolutionFor(int parameters) => BoundaryHeatmap.ResolutionFor(parameters);

    /// <summary>Where the input point lands in <paramref name="plot"/> for the lab's unit square (see <see cref="PlotDomain.ToPixel"/> for other data).</summary>
    public static SKPoint ToPixel(SKRect plot, double x0, double x1) => PlotDomain.UnitSquare.ToPixel(plot, x0, x1);

    /// <summary>The input point at a pixel of <paramref name="plot"/> for the lab's unit square (see <see cref="PlotDomain.FromPixel"/>).</summary>
    public static (double X0, double X1) FromPixel(SKRect plot, float x, float y) => PlotDomain.UnitSquare.FromPixel(plot, x, y);

    /// <summary>Room left of the plot for the x1 tick labels.</summary>
    private const float AxisRoom = 28;

    /// <summary>Room right of the plot for the colour bar and its labels.</summary>
    private const float ColourBarRoom = 40;

    /// <summary>Lines the legend below the plot takes in a panel <paramref name="width"/> wide.</summary>
    private static int LegendLines(float width) => width < 340 ? 2 : 1;

    /// <summary>The square plot inside <paramref name="area"/>: below the title, above the tick labels and legend, left of the colour bar.</summary>
    public static SKRect PlotArea(SKRect area)
    {
        var below = 18 + 16 * LegendLines(area.Width);
        var side = Math.Max(8, Math.Min(area.Width - AxisRoom - ColourBarRoom - 8, area.Height - 28 - below));
        var left = area.Left + AxisRoom + 4 + (area.Width - AxisRoom - ColourBarRoom - 8 - side) / 2;
        return new SKRect(left, area.Top + 28, left + side, area.Top + 28 + side);
    }

    /// <summary>
    /// Draws the boundary of <paramref name="simulation"/> into <paramref name="area"/>.
    /// <paramref name="fingerprint"/> identifies the current weights (see <see cref="NetworkSnapshot.Fingerprint"/>);
    /// <paramref name="probe"/>, when set, is marked with a crosshair.
    /// </summary>
    /// <remarks>When <paramref name="neuronMap"/> is set (a hovered neuron), that map of one neuron's output over the domain is drawn instead of the boundary, titled <paramref name="neuronTitle"/>.</remarks>
    public void Render(SKCanvas canvas, SKRect area, TrainingSimulation simulation, int parameters, long fingerprint, bool showBoundary, bool live, (double X0, double X1)? probe = null,
        SKBitmap? neuronMap = null, string? neuronTitle = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(simulation);
        var plot = PlotArea(area);
        var domain = new PlotDomain(simulation.Data.Bounds);
        var (title, titleFont) = showBoundary && Discretize
            ? Fonts.Fit(Fonts.Label, area.Width - 20, "decision boundary: predicted class only (discretized, K)", "predicted class (discretized)", "discretized")
            : showBoundary
            ? Fonts.Fit(Fonts.Label, area.Width - 20, "decision boundary (network output over the data's domain)", "decision boundary (output over the inputs)", "decision boundary")
            : Fonts.Fit(Fonts.Label, area.Width - 20, "data (boundary off: B)", "data");
        if (neuronMap is not null) (title, titleFont) = Fonts.Fit(Fonts.Label, area.Width - 20, neuronTitle ?? "neuron output");
        Fonts.Draw(canvas, title, area.Left + 10, area.Top + 18, titleFont, neuronMap is null ? Palette.DimText : Palette.Accent);
        _points.Classify(simulation, fingerprint);
        _heatmap.Refresh(simulation, parameters, fingerprint, live);
        using (var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1 })
        {
            if (neuronMap is not null)
            {
                using var image = SKImage.FromBitmap(neuronMap);
                canvas.DrawImage(image, plot, new SKSamplingOptions(SKFilterMode.Linear));
            }
            else if (showBoundary)
            {
                _heatmap.Draw(canvas, plot);
            }
            canvas.DrawRect(plot, border);
        }
        DrawAxes(canvas, plot, domain);
        if (showBoundary) BoundaryLegend.DrawColourBar(canvas, plot);
        DrawPoints(canvas, area, plot, domain, simulation);
        if (probe is { } point) DrawProbe(canvas, plot, domain, point.X0, point.X1);
        if (NotFiniteCount > 0)
        {
            var (text, font) = Fonts.Fit(Fonts.Label, plot.Width - 8, "outputs not finite: no prediction (dark)", "outputs not finite", "not finite");
            using var back = new SKPaint { Color = Palette.Panel.WithAlpha(220) };
            canvas.DrawRect(plot.Left + 1, plot.Top + 1, plot.Width - 2, font.Size + 8, back);
            Fonts.Draw(canvas, text, plot.MidX, plot.Top + font.Size + 3, font, Palette.Warning, SKTextAlign.Center);
        }
    }

    /// <summary>A crosshair at the probed input point.</summary>
    private static void DrawProbe(SKCanvas canvas, SKRect plot, PlotDomain domain, double x0, double x1)
    {
        var p = domain.ToPixel(plot, x0, x1);
        using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = Palette.Text };
        canvas.DrawCircle(p, 7, pen);
        canvas.DrawLine(p.X - 12, p.Y, p.X - 4, p.Y, pen);
        canvas.DrawLine(p.X + 4, p.Y, p.X + 12, p.Y, pen);
        canvas.DrawLine(p.X, p.Y - 12, p.X, p.Y - 4, pen);
        canvas.DrawLine(p.X, p.Y + 4, p.X, p.Y + 12, pen);
    }

    /// <summary>Ticks at both ends and the middle of the data's bounds on each axis, and the axis names between them.</summary>
    private static void DrawAxes(SKCanvas canvas, SKRect plot, PlotDomain domain)
    {
        var b = domain.Data;
        for (var k = 0; k < 3; k++)
        {
            double v0 = b.MinX0 + b.Width * k / 2, v1 = b.MinX1 + b.Height * k / 2;
            var p = domain.ToPixel(plot, v0, v1);
            Fonts.Draw(canvas, Numbers.Compact(Math.Round(v0, 2)), p.X, plot.Bottom + 12, Fonts.Small, Palette.DimText, SKTextAlign.Center);
            Fonts.Draw(canvas, Numbers.Compact(Math.Round(v1, 2)), plot.Left - 4, p.Y + 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
        }
        Fonts.Draw(canvas, "x0", domain.ToPixel(plot, b.MinX0 + 0.75 * b.Width, 0).X, plot.Bottom + 12, Fonts.Small, Palette.DimText, SKTextAlign.Center);
        Fonts.Draw(canvas, "x1", plot.Left - 4, domain.ToPixel(plot, 0, b.MinX1 + 0.75 * b.Height).Y + 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
    }

    private void DrawPoints(SKCanvas canvas, SKRect area, SKRect plot, PlotDomain domain, TrainingSimulation simulation)
    {
        var data = simulation.Data;
        var radius = Math.Clamp(plot.Width / 90, 2.5f, 6f);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, Color = SKColors.White };
        using var hollow = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2f };
        using var wrong = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2f, Color = Palette.Accent };
        for (var i = 0; i < data.Count; i++)
        {
            var p = domain.ToPixel(plot, data.X0[i], data.X1[i]);
            fill.Color = data.Labels[i] >= 0.5 ? Palette.Label1 : Palette.Label0;
            canvas.DrawCircle(p, radius, fill);
            canvas.DrawCircle(p, radius, outline);
            if (_points.IsWrong(i)) canvas.DrawCircle(p, radius + 3.5f, wrong);
        }
        if (simulation.Test is { } test)
        {
            // Held-out points: a ring of their label's colour, hollow (the heatmap shows through).
            for (var i = 0; i < test.Count; i++)
            {
                var p = domain.ToPixel(plot, test.X0[i], test.X1[i]);
                hollow.Color = test.Labels[i] >= 0.5 ? Palette.Label1 : Palette.Label0;
                canvas.DrawCircle(p, radius, hollow);
                if (_points.IsTestWrong(i)) canvas.DrawCircle(p, radius + 3.5f, wrong);
            }
        }
        BoundaryLegend.DrawKey(canvas, area, plot, wrong, outline, simulation.Test is not null);
    }

    /// <inheritdoc />
    public void Dispose() => _heatmap.Dispose();
}
