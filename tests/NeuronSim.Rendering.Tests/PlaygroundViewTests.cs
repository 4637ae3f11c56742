using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>The Playground's view toggles drawn: the discretized boundary (K) and the REC mark (V).</summary>
public class PlaygroundViewTests
{
    /// <summary>No hidden layer, no bias: the output is sigmoid(4 x0 - 4 x1), 0.5 on the diagonal.</summary>
    private static TrainingSimulation Diagonal()
    {
        var simulation = RenderKit.Simulation([]);
        RenderKit.SetWeight(simulation, 0, 0, 0, 4);
        RenderKit.SetWeight(simulation, 0, 1, 0, -4);
        simulation.ParametersChanged();
        return simulation;
    }

    private static SKColor At(FrameBuffer frame, TrainingSimulation simulation, double x0, double x1)
    {
        var layout = FrameLayout.For(frame.Width, frame.Height);
        var plot = DecisionBoundaryRenderer.PlotArea(layout.Boundary);
        var p = new PlotDomain(simulation.Data.Bounds).ToPixel(plot, x0, x1);
        var pixel = layout.Pixels(new SKRect(p.X, p.Y, p.X, p.Y));
        return frame.GetPixel((int)pixel.Left, (int)pixel.Top);
    }

    private static int Distance(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);

    [Theory]
    [InlineData(0.55, 0.45)]
    [InlineData(0.45, 0.55)]
    [InlineData(0.75, 0.5)]
    public void Discretize_paints_each_point_in_its_predicted_class_colour_only(double x0, double x1)
    {
        using var simulation = Diagonal();
        var output = 1 / (1 + Math.Exp(-4 * (x0 - x1)));
        var predicted = Classification.Predicted(output) == 1 ? 1.0 : 0.0;
        using var smooth = RenderKit.Render(simulation, new ViewState { ShowNeuronMaps = false });
        using var discrete = RenderKit.Render(simulation, new ViewState { ShowNeuronMaps = false, Discretize = true });
        Assert.True(Distance(At(discrete, simulation, x0, x1), DecisionBoundaryRenderer.ColourOf(predicted)) <= 6,
            $"discretized {At(discrete, simulation, x0, x1)} vs class colour {DecisionBoundaryRenderer.ColourOf(predicted)}");
        Assert.True(Distance(At(smooth, simulation, x0, x1), DecisionBoundaryRenderer.ColourOf(output)) <= 6,
            $"smooth {At(smooth, simulation, x0, x1)} vs {DecisionBoundaryRenderer.ColourOf(output)}");
        Assert.True(Distance(At(smooth, simulation, x0, x1), At(discrete, simulation, x0, x1)) > 20);
    }

    [Fact]
    public void The_boundary_title_says_discretized_and_the_hud_says_REC()
    {
        using var simulation = Diagonal();
        var (frame, texts) = RenderKit.RenderWithText(simulation, new ViewState { Discretize = true, Recording = true });
        frame.Dispose();
        Assert.Contains(texts, t => t.Text.Contains("discretized"));
        Assert.Contains(texts, t => t.Text == "REC");
        var (plain, plainTexts) = RenderKit.RenderWithText(simulation, new ViewState());
        plain.Dispose();
        Assert.DoesNotContain(plainTexts, t => t.Text.Contains("discretized") || t.Text == "REC");
    }
}
