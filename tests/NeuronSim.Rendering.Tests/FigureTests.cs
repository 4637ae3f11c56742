using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Runs;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Figures;
using ScottPlot;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

public class FigureTests
{
    private static readonly ExperimentSetting Setting = new() { Label = "lr 1", Hidden = [4, 4], Activation = Activation.Sigmoid, LearningRate = 1 };
    private static readonly double[] Decay = Enumerable.Range(1, 3000).Select(e => 0.3 * Math.Exp(-e / 600.0)).ToArray();

    [Fact]
    public void Learning_curves_decode_to_a_non_blank_image_of_the_expected_size()
    {
        var converged = Result(TrainingStatus.Converged, 3000, 0.0049, Decay);
        var diverged = Result(TrainingStatus.Diverged, 40, double.NaN, Enumerable.Range(1, 39).Select(e => 0.2 * Math.Pow(1.3, e)).ToArray());
        var png = LearningCurveFigure.Render("4.1 Different learning rates: xor", [("lr 1", [converged]), ("lr 1e6", [diverged]), ("lr 10", [])], 0.005);
        using var bitmap = Decode(png, LearningCurveFigure.Width, LearningCurveFigure.Height);
        Assert.True(DistinctColours(bitmap) > 20, "the figure is blank");
    }

    [Fact]
    public void The_legend_is_outside_the_curves_and_identical_curves_show_both_colours()
    {
        var a = Result(TrainingStatus.Converged, 3000, 0.0049, Decay);
        var plot = LearningCurveFigure.Build("identical", [("a", [a]), ("b", [a with { Id = "b" }])], 0.005);
        using var bitmap = Render(plot, out var data);
        var first = new SKColor(31, 119, 180);
        var second = new SKColor(255, 127, 14);
        Assert.True(Count(bitmap, first, (int)data.Right + 2, bitmap.Width, 0, bitmap.Height) > 20, "no legend swatch right of the data area");
        Assert.True(Count(bitmap, first, (int)data.Left, (int)data.Right, (int)data.Top, (int)data.Bottom) > 200, "the first curve is hidden under the second");
        Assert.True(Count(bitmap, second, (int)data.Left, (int)data.Right, (int)data.Top, (int)data.Bottom) > 200, "the second curve is not drawn");
    }

    [Fact]
    public void A_run_that_diverged_at_epoch_5_on_a_long_axis_shows_its_whole_marker()
    {
        var longRun = Result(TrainingStatus.MaxEpochsReached, 100_000, 0.2, Enumerable.Range(1, 100_000).Select(e => 0.25 - e * 1e-7).ToArray());
        var early = Result(TrainingStatus.Diverged, 5, double.PositiveInfinity, [1, 10, 100, 1000]);
        var plot = LearningCurveFigure.Build("early", [("long", [longRun]), ("early", [early])], 0.005);
        using var bitmap = Render(plot, out var data);
        var marker = plot.GetPlottables().OfType<ScottPlot.Plottables.Marker>().Single();
        var at = plot.GetPixel(marker.Location);
        Assert.True(at.X - 8 >= data.Left && at.Y - 8 >= data.Top && at.Y + 8 <= data.Bottom, $"the marker at {at} is clipped by {data}");
        Assert.True(Count(bitmap, new SKColor(255, 127, 14), (int)at.X - 10, (int)at.X + 10, (int)at.Y - 10, (int)at.Y + 10) > 30, "the marker is not visible");
    }

    [Fact]
    public void Several_seeds_draw_a_median_with_a_min_max_band_labelled_with_the_seed_count()
    {
        var runs = Enumerable.Range(1, 5).Select(seed => Result(TrainingStatus.Converged, 3000, 0.0049, Decay.Select(l => l * (1 + 0.2 * seed)).ToArray()) with { Seed = seed }).ToList();
        var plot = LearningCurveFigure.Build("seeds", [("lr 1", runs)], 0.005);
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>());
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(s => s.LegendText.Length > 0).ToList();
        Assert.Contains("5 seeds", Assert.Single(lines).LegendText);
    }

    [Fact]
    public void Comparison_shows_red_and_blue_points_in_two_panels()
    {
        var data = DataSets.Xor();
        var bitmap = Comparison(data, Result(TrainingStatus.Converged, 100, 0.004, [0.3, 0.2]) with
        {
            Predictions = data.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray(),
            Grid = PredictionGrid.Points(DataBounds.UnitSquare).X0.Select(x => x > 0.5 ? 0.8 : 0.2).ToArray(),
            Accuracy = 1,
        }, out _);
        Assert.True(Count(bitmap, Red, 0, bitmap.Width / 2) > 200 && Count(bitmap, Red, bitmap.Width / 2, bitmap.Width) > 200, "a panel has no red points");
        Assert.True(Count(bitmap, Blue, 0, bitmap.Width) > 500, "no blue points");
    }

    [Fact]
    public void A_diverged_runs_predict_result_panel_draws_no_prediction_and_says_so()
    {
        var data = DataSets.Xor();
        var bitmap = Comparison(data, Result(TrainingStatus.Diverged, 5, double.PositiveInfinity, [1, 10]) with
        {
            Predictions = Enumerable.Repeat(double.NaN, data.Count).ToArray(),
            Grid = Enumerable.Repeat(double.NaN, PredictionGrid.Size * PredictionGrid.Size).ToArray(),
            Accuracy = 0,
        }, out var figure);
        Assert.True(Count(bitmap, Red, 0, bitmap.Width / 2) > 200, "the ground truth lost its points");
        Assert.True(Count(bitmap, Red, bitmap.Width / 2, bitmap.Width) + Count(bitmap, Blue, bitmap.Width / 2, bitmap.Width) < 20, "a made-up prediction is drawn");
        var note = Assert.Single(figure.GetPlot(1).GetPlottables().OfType<ScottPlot.Plottables.Text>());
        Assert.Contains("diverged at epoch 5", note.LabelText);
    }

    [Fact]
    public void Wrong_points_are_ringed_over_smooth_shading_without_grid_lines()
    {
        var data = DataSets.Xor();
        var predictions = data.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray();
        foreach (var k in new[] { 0, 3, 7 }) predictions[k] = 1 - predictions[k];
        Comparison(data, Result(TrainingStatus.MaxEpochsReached, 100, 0.1, [0.3, 0.2]) with
        {
            Predictions = predictions,
            Grid = PredictionGrid.Points(DataBounds.UnitSquare).X0.Select(x => x).ToArray(),
        }, out var figure);
        var panel = figure.GetPlot(1);
        var rings = panel.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(s => s.MarkerShape == MarkerShape.OpenCircle).ToList();
        Assert.Equal(3, Assert.Single(rings).Data.GetScatterPoints().Count);
        Assert.True(Assert.Single(panel.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>()).Smooth);
        Assert.False(panel.Grid.IsVisible);
    }

    [Fact]
    public void Slugs_are_file_name_safe()
    {
        Assert.Equal("lr-1e-6", ExperimentFigures.Slug("lr 1e-6"));
        Assert.Equal("4-4", ExperimentFigures.Slug("(4,4)"));
        Assert.Equal("identity-lr-0.01", ExperimentFigures.Slug("identity, lr 0.01"));
    }

    private static readonly SKColor Red = new(214, 39, 40);
    private static readonly SKColor Blue = new(31, 119, 180);

    [Fact]
    public void Both_panels_span_the_data_bounds_and_the_lab_sets_keep_the_unit_square()
    {
        var xor = DataSets.Xor();
        var lab = ComparisonFigure.Build(xor, Result(TrainingStatus.Converged, 100, 0.004, [0.3, 0.2]) with
        {
            Grid = PredictionGrid.Points(xor.Bounds).X0,
        }, "lab");
        foreach (var panel in new[] { lab.GetPlot(0), lab.GetPlot(1) })
        {
            var limits = panel.Axes.GetLimits();
            Assert.Equal(-0.1, limits.Bottom, 9);
            Assert.Equal(1.1, limits.Top, 9);
        }
        var circle = DataSets.ByName("circle");
        var figure = ComparisonFigure.Build(circle, Result(TrainingStatus.Converged, 100, 0.004, [0.3, 0.2]) with
        {
            Predictions = circle.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray(),
            Grid = PredictionGrid.Points(circle.Bounds).X0,
        }, "circle");
        var domain = PredictionGrid.Domain(circle.Bounds);
        foreach (var panel in new[] { figure.GetPlot(0), figure.GetPlot(1) })
        {
            var limits = panel.Axes.GetLimits();
            Assert.Equal(domain.MinX1, limits.Bottom, 9);
            Assert.Equal(domain.MaxX1, limits.Top, 9);
            Assert.True(limits.Left <= domain.MinX0 && limits.Right >= domain.MaxX0);
        }
        var heatmap = Assert.Single(figure.GetPlot(1).GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.True(heatmap.Extent!.Value.Left < circle.X0.Min() && heatmap.Extent.Value.Right > circle.X0.Max());
    }

    [Fact]
    public void Held_out_points_are_hollow_and_the_caption_gives_train_and_test_accuracy()
    {
        var all = DataSets.ByName("gauss", 100);
        var split = DataSplit.Split(all, 0.3, 1);
        var testPredictions = split.Test.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray();
        testPredictions[0] = 1 - testPredictions[0];
        var result = Result(TrainingStatus.Converged, 100, 0.004, [0.3, 0.2]) with
        {
            Predictions = split.Train.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray(),
            TestPredictions = testPredictions, TestPoints = split.Test.Count, HeldOutAccuracy = 1 - 1.0 / split.Test.Count, HeldOutLoss = 0.02, Accuracy = 1,
            Grid = PredictionGrid.Points(all.Bounds).X0,
        };
        var figure = ComparisonFigure.Build(new NeuronSim.Experiments.Plans.RunData(all, split.Train, split.Test), result, "(2) tanh");
        foreach (var panel in new[] { figure.GetPlot(0), figure.GetPlot(1) })
        {
            var hollow = panel.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()
                .Where(s => s.MarkerShape == MarkerShape.OpenCircle && s.MarkerStyle.LineColor != ComparisonFigure.WrongRing).Sum(s => s.Data.GetScatterPoints().Count);
            Assert.Equal(split.Test.Count, hollow);
        }
        var rings = figure.GetPlot(1).GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(s => s.MarkerStyle.LineColor == ComparisonFigure.WrongRing).ToList();
        Assert.Equal(1, rings.Sum(r => r.Data.GetScatterPoints().Count));
        Assert.Contains("train 100.0%, test 96.7% accuracy, 0 + 1 wrong (ringed)", figure.GetPlot(1).Axes.Bottom.Label.Text);
        Assert.Contains("70 training + 30 test points (hollow)", figure.GetPlot(0).Axes.Bottom.Label.Text);
    }

    [Fact]
    public void A_run_with_a_held_out_set_adds_its_test_loss_as_a_dotted_curve()
    {
        var test = new LossCurve();
        for (var e = 1; e <= 3000; e++) test.Add(e, 0.3 - e * 5e-5);
        test.Finish(3000, 0.15);
        var run = Result(TrainingStatus.Converged, 3000, 0.0049, Decay) with { TestCurve = test };
        var plot = LearningCurveFigure.Build("held out", [("lr 1", [run]), ("lab", [Result(TrainingStatus.Converged, 3000, 0.0049, Decay)])], 0.005);
        var dotted = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>(), s => s.LegendText.Contains("held-out"));
        Assert.Equal("lr 1: held-out test loss, final 0.15", dotted.LegendText);
        Assert.Equal(LinePattern.Dotted, dotted.LinePattern);
        Assert.Equal(Math.Log10(0.15), dotted.Data.GetScatterPoints()[^1].Y, 12);
    }

    [Fact]
    public void A_long_caption_is_wrapped_after_its_commas()
    {
        var caption = "(8,8,8) tanh,tanh,tanh/sigmoid lr 0.01, adam, features x0,x1,x0sq,x1sq,x0x1,sinx0,sinx1, test 30.0%";
        var lines = ComparisonFigure.Wrap(caption).Split('\n');
        Assert.True(lines.Length > 1);
        Assert.All(lines, line => Assert.True(line.Length <= ComparisonFigure.CaptionLine, line));
        Assert.Equal(caption, string.Join(' ', lines));
    }

    private static SKBitmap Comparison(DataSet data, RunResult result, out Multiplot figure)
    {
        figure = ComparisonFigure.Build(data, result, "(4,4) sigmoid, lr 1");
        var png = figure.Render(ComparisonFigure.Width, ComparisonFigure.Height).GetImageBytes(ImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"neuronsim-figure-test-{result.Status}.png"), png);
        return Decode(png, ComparisonFigure.Width, ComparisonFigure.Height);
    }

    private static SKBitmap Render(Plot plot, out PixelRect data)
    {
        var png = plot.GetImageBytes(LearningCurveFigure.Width, LearningCurveFigure.Height, ImageFormat.Png);
        data = plot.RenderManager.LastRender.DataRect;
        return Decode(png, LearningCurveFigure.Width, LearningCurveFigure.Height);
    }

    private static RunResult Result(TrainingStatus status, int epochs, double loss, double[] curve)
    {
        var lossCurve = new LossCurve();
        for (var i = 0; i < curve.Length; i++) lossCurve.Add(i + 1, curve[i]);
        lossCurve.Finish(curve.Length, curve[^1]);
        return new RunResult
        {
            Id = "test", DataSet = "xor", Setting = Setting, Seed = 1, Status = status, Epochs = epochs, FinalLoss = loss, Accuracy = 0.5,
            WallSeconds = 0.1, MaxEpochs = 100_000, Curve = lossCurve, Predictions = new double[21], Grid = [],
        };
    }

    private static SKBitmap Decode(byte[] png, int width, int height)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return bitmap;
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2) colours.Add((uint)bitmap.GetPixel(x, y));
        }
        return colours.Count;
    }

    /// <summary>Pixels within 30 of <paramref name="colour"/> per channel in the box [x0, x1) x [y0, y1).</summary>
    private static int Count(SKBitmap bitmap, SKColor colour, int x0, int x1, int y0 = 0, int y1 = int.MaxValue)
    {
        var count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(bitmap.Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(bitmap.Width, x1); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - colour.Red) < 30 && Math.Abs(c.Green - colour.Green) < 30 && Math.Abs(c.Blue - colour.Blue) < 30) count++;
            }
        }
        return count;
    }
}
