using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>The frame draws the data where it lies (its bounds, not the unit square), held-out points hollow, the test loss, feature names and the data in the HUD.</summary>
public class DataFrameTests
{
    private static TrainingSimulation On(string name, double testRatio, int? points = null, string features = "x0,x1")
    {
        var split = DataSplit.Split(DataSets.ByName(name, points), testRatio, 1);
        var spec = new NetworkSpec { Hidden = [4], Features = InputFeatures.Parse(features), HiddenActivations = [Activation.Tanh] };
        return new TrainingSimulation(spec, split.Train, new TrainingOptions { LearningRate = 0.3 }, split.TestIsTraining ? null : split.Test);
    }

    private static SKRect Plot() => DecisionBoundaryRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Boundary);

    private static int Distance(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);

    [Fact]
    public void Spiral_points_are_drawn_inside_the_plot_at_their_place_in_the_datas_bounds()
    {
        using var simulation = On("spiral", 0);
        using var frame = RenderKit.Render(simulation, ViewState.Snapshot with { ShowBoundary = false });
        var plot = Plot();
        var domain = new PlotDomain(simulation.Data.Bounds);
        var data = simulation.Data;
        var outermost = Enumerable.Range(0, data.Count).MaxBy(i => data.X0[i] * data.X0[i] + data.X1[i] * data.X1[i]);
        for (var i = 0; i < data.Count; i++) Assert.True(plot.Contains(domain.ToPixel(plot, data.X0[i], data.X1[i])), $"point {i} outside the plot");
        // The outermost point (radius about 5) is filled with its label's colour where the data's bounds put it.
        var p = domain.ToPixel(plot, data.X0[outermost], data.X1[outermost]);
        var label = data.Labels[outermost] >= 0.5 ? Palette.Label1 : Palette.Label0;
        Assert.True(Distance(frame.GetPixel((int)p.X, (int)p.Y), label) < 40, $"no {label} point at {p}");
        // Under the unit square it would have been drawn far outside the plot.
        Assert.False(plot.Contains(DecisionBoundaryRenderer.ToPixel(plot, data.X0[outermost], data.X1[outermost])));
    }

    [Fact]
    public void Held_out_points_are_hollow_rings_of_their_labels_colour()
    {
        using var simulation = On("linear", 0.3, points: 40);
        var test = simulation.Test!;
        using var frame = RenderKit.Render(simulation, ViewState.Snapshot with { ShowBoundary = false });
        var plot = Plot();
        var domain = new PlotDomain(simulation.Data.Bounds);
        var all = simulation.Data.X0.Zip(simulation.Data.X1).Concat(test.X0.Zip(test.X1)).Select(p => domain.ToPixel(plot, p.First, p.Second)).ToArray();
        var radius = Math.Clamp(plot.Width / 90, 2.5f, 6f);
        var checkedPoints = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var p = domain.ToPixel(plot, test.X0[i], test.X1[i]);
            if (all.Count(q => SKPoint.Distance(p, q) < 3 * radius) > 1) continue; // overlapping another point
            var label = test.Labels[i] >= 0.5 ? Palette.Label1 : Palette.Label0;
            Assert.True(Distance(frame.GetPixel((int)p.X, (int)p.Y), Palette.Panel) < 30, $"test point {i} is filled");
            var ring = Enumerable.Range(0, 16).Select(k => frame.GetPixel((int)MathF.Round(p.X + radius * MathF.Cos(k * MathF.PI / 8)), (int)MathF.Round(p.Y + radius * MathF.Sin(k * MathF.PI / 8))));
            Assert.Contains(ring, c => Distance(c, label) < 90);
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 3, $"only {checkedPoints} isolated test points");
        // A training point is filled.
        var t = domain.ToPixel(plot, simulation.Data.X0[0], simulation.Data.X1[0]);
        Assert.True(Distance(frame.GetPixel((int)t.X, (int)t.Y), Palette.Panel) > 60);
    }

    [Fact]
    public void The_loss_chart_draws_the_test_loss_as_a_second_curve_with_a_legend()
    {
        static int TestInk(TrainingSimulation simulation, out IReadOnlyList<DrawnText> texts)
        {
            simulation.Step(200);
            var (frame, log) = RenderKit.RenderWithText(simulation);
            using (frame)
            {
                texts = log;
                var plot = LossChartRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Loss);
                var count = 0;
                for (var y = (int)plot.Top; y < plot.Bottom; y++)
                for (var x = (int)plot.Left; x < plot.Right; x++)
                    if (Distance(frame.GetPixel(x, y), LossChartRenderer.TestColour) < 40) count++;
                return count;
            }
        }
        using var held = On("circle", 0.3, points: 100);
        using var none = On("circle", 0, points: 100);
        Assert.True(TestInk(held, out var heldTexts) > 150, "no test curve");
        Assert.True(TestInk(none, out var noneTexts) < 5, "a test curve without a test set");
        Assert.Contains(heldTexts, t => t.Text == "test");
        Assert.DoesNotContain(noneTexts, t => t.Text == "test");
    }

    [Fact]
    public void Input_neurons_are_labelled_with_their_feature_names_and_the_hud_names_the_data()
    {
        using var simulation = On("spiral", 0.3, features: "x0,x1,x0sq,sinx1");
        var (frame, texts) = RenderKit.RenderWithText(simulation);
        frame.Dispose();
        foreach (var name in new[] { "x0", "x1", "x0sq", "sinx1" }) Assert.Contains(texts, t => t.Text == name);
        Assert.Contains(texts, t => t.Text == "SPIRAL 350 (test 150)");
        Assert.Contains(texts, t => t.Text.StartsWith("train ", StringComparison.Ordinal) && t.Text.Contains("  test ", StringComparison.Ordinal));
    }
}
