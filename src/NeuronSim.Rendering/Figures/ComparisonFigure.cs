using NeuronSim.Experiments.Reports;
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
/// its panel says "diverged at epoch N" and shows the points without a class.
/// </summary>
public static class ComparisonFigure
{
    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 500;

    /// <summary>The ring around a wrongly predicted point.</summary>
    public static readonly Color WrongRing = Colors.Black;

    /// <summary>Renders the figure of <paramref name="result"/> on <paramref name="data"/> as PNG bytes (see <see cref="Build"/>).</summary>
    public static byte[] Render(DataSet data, RunResult result, string caption) =>
        Build(data, result, caption).Render(Width, Height).GetImageBytes(ImageFormat.Png, 100);

    /// <summary>The figure as a ScottPlot multiplot: panel 0 the ground truth, panel 1 the prediction.</summary>
    /// <param name="data">The data set the run learned.</param>
    /// <param name="result">The finished run (its predictions and decision grid).</param>
    /// <param name="caption">What was trained, shown under the right panel.</param>
    public static Multiplot Build(DataSet data, RunResult result, string caption)
    {
        if (result.Predictions.Length != data.Count) throw new ArgumentException($"the run has {result.Predictions.Length} predictions for {data.Count} points");
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var truth = multiplot.GetPlot(0);
        var predicted = multiplot.GetPlot(1);
        Panel(truth, "Ground truth", $"{data.Name}, {data.Count} points (red: label 0, blue: label 1)");
        Points(truth, data, Enumerable.Range(0, data.Count).Select(k => (int?)(data.Labels[k] >= 0.5 ? 1 : 0)).ToArray());
        var classes = result.Predictions.Select(Classification.Predicted).ToArray();
        if (result.Diverged || classes.All(c => c is null))
        {
            Panel(predicted, "Predict result", $"{caption}: {OutcomeText.Phrase(result)}");
            Unclassified(predicted, data, Enumerable.Range(0, data.Count).ToArray());
            var note = predicted.Add.Text($"{OutcomeText.Phrase(result)}\nthe outputs are not finite:\nno prediction", 0.5, 0.5);
            note.LabelFontSize = 20;
            note.LabelBold = true;
            note.LabelFontColor = Colors.Black;
            note.LabelAlignment = Alignment.MiddleCenter;
            note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            return multiplot;
        }
        var wrong = Enumerable.Range(0, data.Count).Where(k => !Classification.IsCorrect(result.Predictions[k], data.Labels[k])).ToArray();
        Panel(predicted, "Predict result", $"{caption}: {Numbers.Percent(result.Accuracy)} accuracy, {wrong.Length} wrong (ringed)");
        Shading(predicted, result.Grid);
        Points(predicted, data, classes);
        Unclassified(predicted, data, Enumerable.Range(0, data.Count).Where(k => classes[k] is null).ToArray());
        if (wrong.Length > 0)
        {
            var rings = predicted.Add.ScatterPoints(wrong.Select(k => data.X0[k]).ToArray(), wrong.Select(k => data.X1[k]).ToArray(), WrongRing);
            rings.MarkerShape = MarkerShape.OpenCircle;
            rings.MarkerSize = 18;
            rings.MarkerLineWidth = 2;
        }
        return multiplot;
    }

    private static void Panel(Plot plot, string title, string xLabel)
    {
        FigureStyle.Apply(plot);
        plot.HideGrid();
        plot.Title(title);
        plot.XLabel(xLabel, 13);
        plot.Axes.SetLimits(PredictionGrid.Min, PredictionGrid.Max, PredictionGrid.Min, PredictionGrid.Max);
        plot.Axes.SquareUnits();
    }

    /// <summary>The network's output over the grid, smoothly interpolated, from light red (0) through white (0.5) to light blue (1).</summary>
    private static void Shading(Plot plot, double[] grid)
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
        var half = (PredictionGrid.Max - PredictionGrid.Min) / (n - 1) / 2;
        heatmap.Extent = new CoordinateRect(PredictionGrid.Min - half, PredictionGrid.Max + half, PredictionGrid.Min - half, PredictionGrid.Max + half);
    }

    private static Color Tint(Color color) => color.MixedWith(Colors.White, 0.72);

    private static void Points(Plot plot, DataSet data, int?[] classes)
    {
        foreach (var (label, color) in new[] { (0, FigureStyle.Label0), (1, FigureStyle.Label1) })
        {
            var keep = Enumerable.Range(0, data.Count).Where(k => classes[k] == label).ToArray();
            if (keep.Length == 0) continue;
            var points = plot.Add.ScatterPoints(keep.Select(k => data.X0[k]).ToArray(), keep.Select(k => data.X1[k]).ToArray(), color);
            points.MarkerShape = MarkerShape.FilledCircle;
            points.MarkerSize = 9;
        }
    }

    /// <summary>Points whose output predicts nothing: hollow grey, no class.</summary>
    private static void Unclassified(Plot plot, DataSet data, int[] which)
    {
        if (which.Length == 0) return;
        var points = plot.Add.ScatterPoints(which.Select(k => data.X0[k]).ToArray(), which.Select(k => data.X1[k]).ToArray(), Colors.Gray);
        points.MarkerShape = MarkerShape.OpenCircle;
        points.MarkerSize = 9;
        points.MarkerLineWidth = 1.5f;
    }
}
