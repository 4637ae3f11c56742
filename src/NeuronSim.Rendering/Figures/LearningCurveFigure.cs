using System.Globalization;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;
using NeuronSim.Network.Formatting;
using ScottPlot;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// The lab's learning-curve figure: loss vs epoch on a log scale, one line per setting (every seed
/// of a setting in its colour), a legend with each setting's outcome, the target loss dashed, and
/// an X where a run diverged.
/// </summary>
public static class LearningCurveFigure
{
    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 960;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 560;

    /// <summary>Renders the figure as PNG bytes.</summary>
    /// <param name="title">The title, e.g. "4.1 Different learning rates: xor".</param>
    /// <param name="settings">Each setting's label and its runs (one per seed; unfinished runs left out).</param>
    /// <param name="targetLoss">The convergence threshold, drawn as a dashed line.</param>
    public static byte[] Render(string title, IReadOnlyList<(string Label, IReadOnlyList<RunResult> Runs)> settings, double targetLoss)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot);
        var palette = new ScottPlot.Palettes.Category10();
        var lowest = Math.Log10(targetLoss > 0 ? targetLoss : 1e-3) - 0.5;
        var highest = double.NegativeInfinity;
        var maxEpoch = 1.0;
        var anyDiverged = false;
        var diverging = new List<(Coordinates At, Color Color)>();
        for (var i = 0; i < settings.Count; i++)
        {
            var (label, runs) = settings[i];
            var color = palette.GetColor(i);
            var first = true;
            foreach (var run in runs)
            {
                var xs = run.Curve.Epochs.Select(e => (double)e).ToArray();
                var ys = run.Curve.Losses.Select(Log).ToArray();
                if (xs.Length > 0)
                {
                    var line = plot.Add.Scatter(xs, ys, color);
                    line.MarkerSize = 0;
                    line.LineWidth = 2;
                    if (first) line.LegendText = $"{label}: {Outcome(run, runs.Count)}";
                    first = false;
                    lowest = Math.Min(lowest, ys.Min());
                    highest = Math.Max(highest, run.Diverged ? ys[0] : ys.Max());
                    anyDiverged |= run.Diverged;
                    maxEpoch = Math.Max(maxEpoch, xs[^1]);
                }
                if (run.Diverged)
                {
                    var at = xs.Length > 0 ? new Coordinates(xs[^1], ys[^1]) : new Coordinates(run.Epochs, double.IsNegativeInfinity(highest) ? 0 : highest);
                    diverging.Add((at, color));
                    if (first) plot.Add.Scatter(at.X, at.Y, color).LegendText = $"{label}: {Outcome(run, runs.Count)}";
                    first = false;
                }
            }
            if (first) plot.Add.Scatter(Array.Empty<double>(), Array.Empty<double>(), color).LegendText = $"{label}: not finished";
        }
        if (targetLoss > 0)
        {
            var target = plot.Add.HorizontalLine(Log(targetLoss), 1.5f, Colors.Gray, LinePattern.Dashed);
            target.LegendText = $"target loss {Numbers.Compact(targetLoss)}";
        }
        if (double.IsNegativeInfinity(highest)) highest = 0;
        // A diverging loss grows without bound: keep the axis on the other curves plus a decade, and mark where each run blew up.
        var top = Math.Ceiling(highest + 0.05) + (anyDiverged ? 1 : 0);
        foreach (var (at, color) in diverging) plot.Add.Marker(at.X, Math.Min(at.Y, top - 0.15), MarkerShape.Eks, 14, color);
        plot.Axes.SetLimits(0, maxEpoch * 1.02, Math.Floor(lowest - 0.05), top);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => "1e" + Math.Round(y).ToString(CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = x => x.ToString("#,0", CultureInfo.InvariantCulture),
        };
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("loss (MSE, log scale)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Outcome(RunResult run, int seeds)
    {
        var suffix = seeds > 1 ? $" (seed {run.Seed}, {seeds} seeds)" : "";
        var loss = run.Converged || run.Diverged ? "" : $", loss {Numbers.Compact(run.FinalLoss)}";
        return $"{OutcomeText.Phrase(run)}{loss}{suffix}";
    }

    private static double Log(double loss) => Math.Log10(Math.Max(loss, 1e-300));
}
