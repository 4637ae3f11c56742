using System.Globalization;
using NeuronSim.Experiments.Reports;
using NeuronSim.Experiments.Runs;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using ScottPlot;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// The lab's learning-curve figure: loss vs epoch on a log scale, one line per setting, each with
/// its own colour, line pattern and markers (so identical curves stay distinguishable); with
/// several seeds the median and a min-max band labelled "N seeds"; an X where a run diverged,
/// never clipped; the target loss dashed; the legend outside the curves, right of the plot.
/// </summary>
public static class LearningCurveFigure
{
    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 1280;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 560;

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleDown, MarkerShape.OpenDiamond];

    /// <summary>Markers drawn along each curve.</summary>
    public const int MarkersPerCurve = 8;

    /// <summary>Renders the figure as PNG bytes (see <see cref="Build"/>).</summary>
    public static byte[] Render(string title, IReadOnlyList<(string Label, IReadOnlyList<RunResult> Runs)> settings, double targetLoss) =>
        Build(title, settings, targetLoss).GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The figure as a ScottPlot plot.</summary>
    /// <param name="title">The title, e.g. "4.1 Different learning rates: xor".</param>
    /// <param name="settings">Each setting's label and its runs (one per seed; unfinished runs left out).</param>
    /// <param name="targetLoss">The convergence threshold, drawn as a dashed line.</param>
    public static Plot Build(string title, IReadOnlyList<(string Label, IReadOnlyList<RunResult> Runs)> settings, double targetLoss)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot);
        var palette = new ScottPlot.Palettes.Category10();
        var lowest = Math.Log10(targetLoss > 0 ? targetLoss : 1e-3) - 0.5;
        var highest = double.NegativeInfinity;
        var maxEpoch = 1.0;
        var diverging = new List<(double Epoch, double? Loss, Color Color)>();
        for (var i = 0; i < settings.Count; i++)
        {
            var (label, runs) = settings[i];
            var color = palette.GetColor(i);
            // earlier settings drawn wider, later ones patterned on top: two identical curves show both colours
            var width = Math.Max(1.5f, 5f - 0.6f * i);
            if (runs.Count == 0)
            {
                plot.Add.Scatter(Array.Empty<double>(), Array.Empty<double>(), color).LegendText = $"{label}: not finished";
                continue;
            }
            var band = runs.Count > 1 ? SeedBand.Of(runs) : SeedBand.Of([runs[0]]);
            if (runs.Count > 1 && band.Epochs.Length > 0)
            {
                var fill = plot.Add.FillY(band.Epochs, band.Low, band.High);
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineWidth = 0;
            }
            var line = plot.Add.Scatter(band.Epochs, band.Median, color);
            line.LineWidth = width;
            line.LinePattern = Patterns[i % Patterns.Length];
            line.MarkerSize = 0;
            line.LegendText = $"{label}: {Outcome(runs)}";
            if (band.Epochs.Length > 0)
            {
                AddMarkers(plot, band, i, settings.Count, color);
                lowest = Math.Min(lowest, band.Low.Min());
                highest = Math.Max(highest, runs.Any(r => r.Diverged) ? band.High[0] : band.High.Max());
                maxEpoch = Math.Max(maxEpoch, band.Epochs[^1]);
            }
            if (runs[0].TestCurve is { Epochs.Count: > 0 } test)
            {
                var held = plot.Add.Scatter(test.Epochs.Select(e => (double)e).ToArray(), test.Losses.Select(Log).ToArray(), color);
                held.LineWidth = 1.5f;
                held.LinePattern = LinePattern.Dotted;
                held.MarkerSize = 0;
                held.LegendText = $"{label}: held-out test loss{(runs.Count > 1 ? $" (seed {runs[0].Seed})" : "")}, final {Numbers.Compact(test.Losses[^1])}";
                lowest = Math.Min(lowest, test.Losses.Min(Log));
                highest = Math.Max(highest, test.Losses.Max(Log));
            }
            foreach (var run in runs.Where(r => r.Diverged))
            {
                var last = run.Curve.Losses.Count > 0 ? Log(run.Curve.Losses[^1]) : (double?)null;
                diverging.Add((Math.Max(run.Curve.Epochs.Count > 0 ? run.Curve.Epochs[^1] : run.Epochs, 0), last, color));
                maxEpoch = Math.Max(maxEpoch, run.Epochs);
            }
        }
        if (targetLoss > 0)
        {
            var target = plot.Add.HorizontalLine(Log(targetLoss), 1.5f, Colors.Gray, LinePattern.Dashed);
            target.LegendText = $"target loss {Numbers.Compact(targetLoss)}";
        }
        if (double.IsNegativeInfinity(highest)) highest = 0;
        // A diverging loss grows without bound: keep the axis on the other curves plus a decade, and mark where each run blew up.
        var top = Math.Ceiling(highest + 0.05) + (diverging.Count > 0 ? 1 : 0);
        var bottom = Math.Floor(lowest - 0.05);
        if (top - bottom > 12) bottom = top - 12; // at most 12 decades stay readable
        foreach (var (epoch, loss, color) in diverging)
        {
            var marker = plot.Add.Marker(epoch, Math.Clamp(loss ?? top, bottom + 0.3, top - 0.3), MarkerShape.Eks, 16, color);
            marker.MarkerLineWidth = 3;
        }
        // room on the left so a run that diverged in its first epochs shows its whole marker
        plot.Axes.SetLimits(-maxEpoch * 0.025, maxEpoch * 1.02, bottom, top);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => "1e" + Math.Round(y).ToString(CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = x => x < 0 ? "" : x.ToString("#,0", CultureInfo.InvariantCulture),
        };
        plot.Title(title);
        plot.XLabel("epoch");
        var losses = settings.SelectMany(s => s.Runs).Select(r => r.Setting.Loss).Distinct().ToList();
        plot.YLabel($"loss ({(losses.Count == 1 ? Losses.Of(losses[0]).Name.ToUpperInvariant() : "each setting's")}, log scale)");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>"converged in 3938 epochs", or over seeds "5 seeds: 4 converged (median 4100 epochs), 1 diverged".</summary>
    public static string Outcome(IReadOnlyList<RunResult> runs)
    {
        if (runs.Count == 1)
        {
            var run = runs[0];
            return OutcomeText.Phrase(run) + (run.Converged || run.Diverged ? "" : $", loss {Numbers.Compact(run.FinalLoss)}");
        }
        var converged = runs.Where(r => r.Converged).Select(r => (double)r.Epochs).Order().ToList();
        var text = $"{runs.Count} seeds: {converged.Count} converged";
        var n = converged.Count;
        if (n > 0) text += $" (median {Numbers.Compact(n % 2 == 1 ? converged[n / 2] : (converged[n / 2 - 1] + converged[n / 2]) / 2)} epochs)";
        var diverged = runs.Count(r => r.Diverged);
        return diverged > 0 ? text + $", {diverged} diverged" : text;
    }

    private static void AddMarkers(Plot plot, SeedBand band, int index, int count, Color color)
    {
        // spread over the curve and shifted per setting, so markers of identical curves do not coincide
        var xs = new List<double>();
        var ys = new List<double>();
        for (var k = 0; k < MarkersPerCurve; k++)
        {
            var at = (int)((k + (index + 0.5) / Math.Max(count, 1)) / MarkersPerCurve * (band.Epochs.Length - 1));
            xs.Add(band.Epochs[at]);
            ys.Add(band.Median[at]);
        }
        var markers = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
        markers.MarkerShape = Shapes[index % Shapes.Length];
        markers.MarkerSize = 9;
    }

    private static double Log(double loss) => Math.Log10(Math.Max(loss, 1e-300));
}
