using NeuronSim.Network.Formatting;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Draws the loss of every epoch so far on a log scale, with the target loss as a dashed line and
/// the epoch of convergence marked. Long histories are reduced to one min-max span per pixel
/// column, so the cost does not grow with the epoch count beyond one pass over the history.
/// </summary>
public sealed class LossChartRenderer : IDisposable
{
    private readonly SKPath _curve = new();

    /// <summary>The chart area inside <paramref name="area"/> (without title and axis labels).</summary>
    public static SKRect PlotArea(SKRect area) => new(area.Left + 48, area.Top + 28, area.Right - 12, area.Bottom - 22);

    /// <summary>The colour of the held-out test loss curve.</summary>
    public static readonly SKColor TestColour = new(0x6E, 0xC6, 0xFF);

    /// <summary>
    /// Draws <paramref name="losses"/> (epoch 1 first) into <paramref name="area"/>, and the held-out
    /// <paramref name="testLosses"/> as a second curve with a legend when there are any.
    /// </summary>
    public void Render(SKCanvas canvas, SKRect area, ReadOnlySpan<double> losses, double targetLoss, int? convergedAt, ReadOnlySpan<double> testLosses = default)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var (title, font) = Fonts.Fit(Fonts.Label, area.Width - 20, "loss (MSE, log scale) by epoch", "loss (MSE, log scale)", "loss (log)");
        Fonts.Draw(canvas, title, area.Left + 10, area.Top + 18, font, Palette.DimText);
        var plot = PlotArea(area);
        if (plot.Width < 8 || plot.Height < 8) return;
        using var grid = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
        canvas.DrawRect(plot, grid);

        var (low, high, above) = Range(losses, targetLoss);
        if (testLosses.Length > 0)
        {
            var (testLow, testHigh, _) = Range(testLosses, targetLoss);
            low = Math.Min(low, testLow);
            high = Math.Min(Math.Max(high, testHigh), low + MaxDecades);
        }
        float Y(double loss) => (float)(plot.Bottom - (Math.Clamp(Math.Log10(loss), low, high) - low) / (high - low) * plot.Height);
        var step = high - low > 6 ? 2 : 1;
        for (var decade = (int)Math.Ceiling(low); decade <= (int)Math.Floor(high); decade += step)
        {
            var y = Y(Math.Pow(10, decade));
            canvas.DrawLine(plot.Left, y, plot.Right, y, grid);
            Fonts.Draw(canvas, Numbers.Compact(Math.Pow(10, decade)), plot.Left - 4, y + 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
        }
        var epochs = Math.Max(losses.Length, 1);
        Fonts.Draw(canvas, "0", plot.Left, plot.Bottom + 14, Fonts.Small, Palette.DimText);
        Fonts.Draw(canvas, $"{Numbers.Count(losses.Length)} epochs", plot.Right, plot.Bottom + 14, Fonts.Small, Palette.DimText, SKTextAlign.Right);
        if (above is { } overflow)
        {
            // The axis stops at MaxDecades: what lies above is drawn on the top edge, and said.
            using var warn = new SKPaint { Color = Palette.Warning, Style = SKPaintStyle.Stroke, StrokeWidth = 2, PathEffect = SKPathEffect.CreateDash([3, 3], 0) };
            canvas.DrawLine(plot.Left, plot.Top + 1, plot.Right, plot.Top + 1, warn);
            Fonts.Draw(canvas, "above the axis: up to " + Numbers.Compact(overflow), plot.Right - 4, plot.Top + 14, Fonts.Small, Palette.Warning, SKTextAlign.Right);
        }

        if (targetLoss > 0)
        {
            using var dashed = new SKPaint { Color = Palette.DimText, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([5, 4], 0) };
            var y = Y(targetLoss);
            canvas.DrawLine(plot.Left, y, plot.Right, y, dashed);
            Fonts.Draw(canvas, "target " + Numbers.Compact(targetLoss), plot.Right - 4, y - 4, Fonts.Small, Palette.DimText, SKTextAlign.Right);
        }
        if (convergedAt is int at && at > 0)
        {
            using var mark = new SKPaint { Color = Palette.Accent.WithAlpha(140), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
            var x = plot.Left + plot.Width * at / epochs;
            canvas.DrawLine(x, plot.Top, x, plot.Bottom, mark);
        }
        // The test curve is drawn over the training curve, thinner: where they agree both show.
        DrawCurve(canvas, plot, losses, Y, Palette.Accent, Math.Max(losses.Length, testLosses.Length), 2.4f);
        if (testLosses.Length > 0)
        {
            DrawCurve(canvas, plot, testLosses, Y, TestColour, Math.Max(losses.Length, testLosses.Length), 1.4f);
            DrawLegend(canvas, plot);
        }
    }

    /// <summary>"train" and "test" with their colours, at the plot's top left.</summary>
    private static void DrawLegend(SKCanvas canvas, SKRect plot)
    {
        using var line = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f, IsAntialias = true };
        var x = plot.Left + 8;
        var y = plot.Top + 14;
        foreach (var (name, colour) in new[] { ("train", Palette.Accent), ("test", TestColour) })
        {
            line.Color = colour;
            canvas.DrawLine(x, y - 4, x + 16, y - 4, line);
            Fonts.Draw(canvas, name, x + 20, y, Fonts.Small, Palette.Text);
            x += 28 + Fonts.Small.MeasureText(name);
        }
    }

    private void DrawCurve(SKCanvas canvas, SKRect plot, ReadOnlySpan<double> losses, Func<double, float> y, SKColor colour, int epochs, float width)
    {
        _curve.Reset();
        var columns = Math.Max(1, (int)plot.Width);
        var n = losses.Length;
        var started = false;
        for (var c = 0; c < columns && n > 0; c++)
        {
            var first = (int)((long)c * n / columns);
            var last = Math.Max(first + 1, (int)((long)(c + 1) * n / columns));
            if (first >= n) continue;
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var k = first; k < last && k < n; k++)
            {
                var v = losses[k];
                if (!(v > 0) || !double.IsFinite(v)) continue;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            if (double.IsPositiveInfinity(min)) continue;
            var x = plot.Left + plot.Width * (first + last) / 2f / Math.Max(epochs, 1);
            if (!started) _curve.MoveTo(x, y(max)); else _curve.LineTo(x, y(max));
            if (min < max) _curve.LineTo(x, y(min));
            started = true;
        }
        using var paint = new SKPaint { Color = colour, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        canvas.Save();
        canvas.ClipRect(plot);
        canvas.DrawPath(_curve, paint);
        canvas.Restore();
    }

    /// <summary>The most decades the loss axis spans; losses above it are drawn on its top edge and marked.</summary>
    public const int MaxDecades = 12;

    /// <summary>
    /// The log10 range shown: whole decades around the finite losses and the target, at least one
    /// and at most <see cref="MaxDecades"/> (kept from the bottom, where the target and learning
    /// are); <c>Above</c> is the largest loss (infinity included) beyond the top, or null.
    /// </summary>
    public static (double Low, double High, double? Above) Range(ReadOnlySpan<double> losses, double target)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, largest = double.NegativeInfinity;
        foreach (var v in losses)
        {
            if (double.IsPositiveInfinity(v)) largest = v;
            if (!(v > 0) || !double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            largest = Math.Max(largest, v);
        }
        if (target > 0) { min = Math.Min(min, target); max = Math.Max(max, target); }
        if (double.IsPositiveInfinity(min)) return (-3, 0, double.IsPositiveInfinity(largest) ? largest : null);
        var low = Math.Floor(Math.Log10(min));
        var high = Math.Ceiling(Math.Log10(max));
        if (high - low < 1) high = low + 1;
        if (high - low > MaxDecades) high = low + MaxDecades;
        double? above = largest > Math.Pow(10, high) ? largest : null;
        return (low, high, above);
    }

    /// <inheritdoc />
    public void Dispose() => _curve.Dispose();
}
