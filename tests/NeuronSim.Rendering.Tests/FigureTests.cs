using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Figures;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

public class FigureTests
{
    private static readonly ExperimentSetting Setting = new() { Label = "lr 1", Hidden = [4, 4], Activation = Activation.Sigmoid, LearningRate = 1 };

    [Fact]
    public void LearningCurvesDecodeToANonBlankImageOfTheExpectedSize()
    {
        var converged = Result(TrainingStatus.Converged, 3000, 0.0049, Enumerable.Range(1, 3000).Select(e => 0.3 * Math.Exp(-e / 600.0)).ToArray());
        var diverged = Result(TrainingStatus.Diverged, 40, double.NaN, Enumerable.Range(1, 39).Select(e => 0.2 * Math.Pow(1.3, e)).ToArray());
        var png = LearningCurveFigure.Render("4.1 Different learning rates: xor", [("lr 1", [converged]), ("lr 1e6", [diverged]), ("lr 10", [])], 0.005);
        using var bitmap = Decode(png, LearningCurveFigure.Width, LearningCurveFigure.Height);
        Assert.True(DistinctColours(bitmap) > 20, "the figure is blank");
    }

    [Fact]
    public void ComparisonShowsRedAndBluePointsInTwoPanels()
    {
        var data = DataSets.Xor();
        var result = Result(TrainingStatus.Converged, 100, 0.004, [0.3, 0.2]) with
        {
            Predictions = data.Labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray(),
            Grid = PredictionGrid.Points().X0.Select(x => x > 0.5 ? 0.8 : 0.2).ToArray(),
            Accuracy = 1,
        };
        var png = ComparisonFigure.Render(data, result, "(4,4) sigmoid, lr 1");
        using var bitmap = Decode(png, ComparisonFigure.Width, ComparisonFigure.Height);
        var (red, blue) = (0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 190 && c.Green < 70 && c.Blue < 70) red++;
                if (c.Blue > 150 && c.Red < 60 && c.Green < 140) blue++;
            }
        }
        Assert.True(red > 500, $"only {red} red pixels");
        Assert.True(blue > 500, $"only {blue} blue pixels");
        Assert.True(RedPixelsIn(bitmap, 0, bitmap.Width / 2) > 200 && RedPixelsIn(bitmap, bitmap.Width / 2, bitmap.Width) > 200, "a panel has no red points");
    }

    [Fact]
    public void SlugsAreFileNameSafe()
    {
        Assert.Equal("lr-1e-6", ExperimentFigures.Slug("lr 1e-6"));
        Assert.Equal("4-4", ExperimentFigures.Slug("(4,4)"));
        Assert.Equal("identity-lr-0.01", ExperimentFigures.Slug("identity, lr 0.01"));
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

    private static int RedPixelsIn(SKBitmap bitmap, int from, int to)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = from; x < to; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 190 && c.Green < 70 && c.Blue < 70) count++;
            }
        }
        return count;
    }
}
