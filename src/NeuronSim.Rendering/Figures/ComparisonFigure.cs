using NeuronSim.Network.Data;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;
using NeuronSim.Network.Formatting;
using ScottPlot;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// The lab's comparison figure: two panels, "Ground truth" (the data's labels) and "Predict result"
/// (the network's rounded outputs on the same points, over its decision regions); label 0 red, label 1 blue.
/// </summary>
public static class ComparisonFigure
{
    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 500;

    /// <summary>Renders the figure of <paramref name="result"/> on <paramref name="data"/> as PNG bytes.</summary>
    /// <param name="data">The data set the run learned.</param>
    /// <param name="result">The finished run (its predictions and decision grid).</param>
    /// <param name="caption">What was trained, shown under the right panel.</param>
    public static byte[] Render(DataSet data, RunResult result, string caption)
    {
        if (result.Predictions.Length != data.Count) throw new ArgumentException($"the run has {result.Predictions.Length} predictions for {data.Count} points");
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var truth = multiplot.GetPlot(0);
        var predicted = multiplot.GetPlot(1);
        Panel(truth, "Ground truth", $"{data.Name}, {data.Count} points (red: label 0, blue: label 1)");
        Panel(predicted, "Predict result", $"{caption}: {Numbers.Percent(result.Accuracy)} accuracy");
        Regions(predicted, result.Grid);
        Points(truth, data, data.Labels);
        Points(predicted, data, result.Predictions.Select(p => p >= 0.5 ? 1.0 : 0.0).ToArray());
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png, 100);
    }

    private static void Panel(Plot plot, string title, string xLabel)
    {
        FigureStyle.Apply(plot);
        plot.Title(title);
        plot.XLabel(xLabel, 13);
        plot.Axes.SetLimits(PredictionGrid.Min, PredictionGrid.Max, PredictionGrid.Min, PredictionGrid.Max);
        plot.Axes.SquareUnits();
    }

    private static void Regions(Plot plot, double[] grid)
    {
        if (grid.Length != PredictionGrid.Size * PredictionGrid.Size) return;
        var (x0, x1) = PredictionGrid.Points();
        foreach (var (label, color) in new[] { (0, FigureStyle.Label0), (1, FigureStyle.Label1) })
        {
            var keep = Enumerable.Range(0, grid.Length).Where(k => double.IsFinite(grid[k]) && (grid[k] >= 0.5 ? 1 : 0) == label).ToArray();
            if (keep.Length == 0) continue;
            var cells = plot.Add.ScatterPoints(keep.Select(k => x0[k]).ToArray(), keep.Select(k => x1[k]).ToArray(), color.WithAlpha(0.12));
            cells.MarkerShape = MarkerShape.FilledSquare;
            cells.MarkerSize = 9;
        }
    }

    private static void Points(Plot plot, DataSet data, double[] labels)
    {
        foreach (var (label, color) in new[] { (0.0, FigureStyle.Label0), (1.0, FigureStyle.Label1) })
        {
            var keep = Enumerable.Range(0, data.Count).Where(k => labels[k] == label).ToArray();
            if (keep.Length == 0) continue;
            var points = plot.Add.ScatterPoints(keep.Select(k => data.X0[k]).ToArray(), keep.Select(k => data.X1[k]).ToArray(), color);
            points.MarkerShape = MarkerShape.FilledCircle;
            points.MarkerSize = 9;
        }
    }
}
