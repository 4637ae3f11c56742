using NeuronSim.Experiments.Reports;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using ScottPlot;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// The lab's comparison figure: two panels, "Ground truth" (the data's labels) and "Predict result"
/// (the class each output predicts, <see cref="Classification"/>, over the network's smoothly
/// shaded output; wrong points ringed); label 0 red, label 1 blue. A diverged run predicts nothing:
/// its panel says "diverged at epoch N" and shows the points without a class. Both panels span the
/// data's bounds (the lab's sets: the unit square), as the run's <see cref="PredictionGrid"/> does;
/// held-out test points are drawn hollow, in the class predicted for them on the right.
/// </summary>
public static class ComparisonFigure
{
    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 500;

    /// <summary>The ring around a wrongly predicted point.</summary>
    public static readonly Color WrongRing = Colors.Black;

    /// <summary>Renders the figure of <paramref name="result"/> on <paramref name="runData"/> as PNG bytes (see <see cref="Build(RunData, RunResult, string)"/>).</summary>
    public static byte[] Render(RunData runData, RunResult result, string caption) =>
        Build(runData, result, caption).Render(Width, Height).GetImageBytes(ImageFormat.Png, 100);

    /// <summary>The figure of a run trained on every point of <paramref name="data"/> (no held-out set).</summary>
    public static Multiplot Build(DataSet data, RunResult result, string caption) => Build(new RunData(data, data, null), result, caption);

    /// <summary>The figure as a ScottPlot multiplot: panel 0 the ground truth, panel 1 the prediction.</summary>
    /// <param name="runData">The points the run learned (and those it was tested on).</param>
    /// <param name="result">The finished run (its predictions, its test points' predictions and decision grid).</param>
    /// <param name="caption">What was trained, shown under the right panel.</param>
    public static Multiplot Build(RunData runData, RunResult result, string caption)
    {
        var data = runData.Train;
        var test = runData.Test;
        var bounds = runData.All.Bounds;
        var size = MarkerSize(runData);
        if (result.Predictions.Length != data.Count) throw new ArgumentException($"the run has {result.Predictions.Length} predictions for {data.Count} points");
        if (result.TestPredictions.Length != (test?.Count ?? 0)) throw new ArgumentException($"the run has {result.TestPredictions.Length} test predictions for {test?.Count ?? 0} held-out points");
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var truth = multiplot.GetPlot(0);
        var predicted = multiplot.GetPlot(1);
        Panel(truth, "Ground truth", test is null ? $"{data.Name}, {data.Count} points (red: label 0, blue: label 1)"
            : $"{data.Name}, {data.Count} training + {test.Count} test points (hollow)\nred: label 0, blue: label 1", bounds);
        Points(truth, data, Enumerable.Range(0, data.Count).Select(k => (int?)(data.Labels[k] >= 0.5 ? 1 : 0)).ToArray(), size);
        if (test is not null) Points(truth, test, Enumerable.Range(0, test.Count).Select(k => (int?)(test.Labels[k] >= 0.5 ? 1 : 0)).ToArray(), size, hollow: true);
        var classes = result.Predictions.Select(Classification.Predicted).ToArray();
        if (result.Diverged || classes.All(c => c is null))
        {
            Panel(predicted, "Predict result", $"{Wrap(caption)}\n{OutcomeText.Phrase(result)}", bounds);
            Unclassified(predicted, data, Enumerable.Range(0, data.Count).ToArray(), size);
            var note = predicted.Add.Text($"{OutcomeText.Phrase(result)}\nthe outputs are not finite:\nno prediction", (bounds.MinX0 + bounds.MaxX0) / 2, (bounds.MinX1 + bounds.MaxX1) / 2);
            note.LabelFontSize = 20;
            note.LabelBold = true;
            note.LabelFontColor = Colors.Black;
            note.LabelAlignment = Alignment.MiddleCenter;
            note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            return multiplot;
        }
        var wrong = Enumerable.Range(0, data.Count).Where(k => !Classification.IsCorrect(result.Predictions[k], data.Labels[k])).ToArray();
        var testClasses = result.TestPredictions.Select(Classification.Predicted).ToArray();
        var testWrong = test is null ? [] : Enumerable.Range(0, test.Count).Where(k => !Classification.IsCorrect(result.TestPredictions[k], test.Labels[k])).ToArray();
        var accuracy = test is null || result.HeldOutAccuracy is not { } testAccuracy
            ? $"{Numbers.Percent(result.Accuracy)} accuracy, {wrong.Length} wrong (ringed)"
            : $"train {Numbers.Percent(result.Accuracy)}, test {Numbers.Percent(testAccuracy)} accuracy, {wrong.Length} + {testWrong.Length} wrong (ringed)";
        Panel(predicted, "Predict result", $"{Wrap(caption)}\n{accuracy}", bounds);
        Shading(predicted, result.Grid, bounds);
        Points(predicted, data, classes, size);
        Unclassified(predicted, data, Enumerable.Range(0, data.Count).Where(k => classes[k] is null).ToArray(), size);
        Rings(predicted, data, wrong, size);
        if (test is not null)
        {
            Points(predicted, test, testClasses, size, hollow: true);
            Unclassified(predicted, test, Enumerable.Range(0, test.Count).Where(k => testClasses[k] is null).ToArray(), size);
            Rings(predicted, test, testWrong, size);
        }
        return multiplot;
    }

    /// <summary>The most characters on one line of a panel's caption (the panel is 500 px wide).</summary>
    public const int CaptionLine = 62;

    /// <summary>A caption broken after its commas into lines of at most <see cref="CaptionLine"/> characters (a longer part keeps a line of its own).</summary>
    public static string Wrap(string caption)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var part in caption.Split(", "))
        {
            var joined = line.Length == 0 ? part : $"{line}, {part}";
            if (joined.Length <= CaptionLine || line.Length == 0) line = joined;
            else
            {
                lines.Add(line + ",");
                line = part;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    private static void Rings(Plot plot, DataSet data, int[] wrong, float size)
    {
        if (wrong.Length == 0) return;
        var rings = plot.Add.ScatterPoints(wrong.Select(k => data.X0[k]).ToArray(), wrong.Select(k => data.X1[k]).ToArray(), WrongRing);
        rings.MarkerShape = MarkerShape.OpenCircle;
        rings.MarkerSize = 2 * size;
        rings.MarkerLineWidth = 2;
    }

    /// <summary>The lab's 9 px points, smaller on sets of more than 100 points so they stay apart.</summary>
    private static float MarkerSize(RunData data) => data.All.Count > 100 ? 6 : 9;

    private static void Panel(Plot plot, string title, string xLabel, DataBounds bounds)
    {
        FigureStyle.Apply(plot);
        plot.HideGrid();
        plot.Title(title);
        plot.XLabel(xLabel, 13);
        var domain = PredictionGrid.Domain(bounds);
        plot.Axes.SetLimits(domain.MinX0, domain.MaxX0, domain.MinX1, domain.MaxX1);
        plot.Axes.SquareUnits();
    }

    /// <summary>The network's output over the grid spanning <paramref name="bounds"/>, smoothly interpolated, from light red (0) through white (0.5) to light blue (1).</summary>
    private static void Shading(Plot plot, double[] grid, DataBounds bounds)
    {
        const int n = PredictionGrid.Size;
        if (grid.Length != n * n) return;
        var values = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var output = grid[row * n + column];
                values[n - 1 - row, column] = double.IsFinite(output) ? Math.Clamp(output, 0, 1) : double.NaN; // first row on top
            }
        }
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Tint(FigureStyle.Label0), Colors.White, Tint(FigureStyle.Label1)]);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Smooth = true;
        heatmap.NaNCellColor = Colors.LightGray;
        var domain = PredictionGrid.Domain(bounds);
        var (halfX0, halfX1) = (domain.Width / (n - 1) / 2, domain.Height / (n - 1) / 2);
        heatmap.Extent = new CoordinateRect(domain.MinX0 - halfX0, domain.MaxX0 + halfX0, domain.MinX1 - halfX1, domain.MaxX1 + halfX1);
    }

    private static Color Tint(Color color) => color.MixedWith(Colors.White, 0.72);

    private static void Points(Plot plot, DataSet data, int?[] classes, float size, bool hollow = false)
    {
        foreach (var (label, color) in new[] { (0, FigureStyle.Label0), (1, FigureStyle.Label1) })
        {
            var keep = Enumerable.Range(0, data.Count).Where(k => classes[k] == label).ToArray();
            if (keep.Length == 0) continue;
            var points = plot.Add.ScatterPoints(keep.Select(k => data.X0[k]).ToArray(), keep.Select(k => data.X1[k]).ToArray(), color);
            points.MarkerShape = hollow ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
            points.MarkerSize = size;
            if (hollow) points.MarkerLineWidth = 1.5f;
        }
    }

    /// <summary>Points whose output predicts nothing: hollow grey, no class.</summary>
    private static void Unclassified(Plot plot, DataSet data, int[] which, float size)
    {
        if (which.Length == 0) return;
        var points = plot.Add.ScatterPoints(which.Select(k => data.X0[k]).ToArray(), which.Select(k => data.X1[k]).ToArray(), Colors.Gray);
        points.MarkerShape = MarkerShape.OpenCircle;
        points.MarkerSize = size;
        points.MarkerLineWidth = 1.5f;
    }
}
