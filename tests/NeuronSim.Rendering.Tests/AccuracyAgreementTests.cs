using NeuronSim.Network.Formatting;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Rendering.Tests;

/// <summary>The HUD's accuracy, the rings and the evaluation all count with Classification on the weights as drawn (issue 8, item 2).</summary>
public class AccuracyAgreementTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(40)]
    public void Hud_accuracy_matches_the_rings(int epochs)
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true, activation: Network.Components.Activation.Identity);
        simulation.Step(epochs);
        using var renderer = new FrameRenderer();
        var (frame, texts) = RenderKit.RenderWithText(simulation, renderer: renderer);
        using var _ = frame;

        var n = simulation.Data.Count;
        var fromRings = (double)(n - renderer.Boundary.WrongCount) / n;
        Assert.Equal(fromRings, renderer.Shown.Accuracy, 12);
        Assert.Contains(texts, t => t.Text.StartsWith(Numbers.Percent(fromRings), StringComparison.Ordinal));
        Assert.Equal(fromRings, simulation.Evaluate().Accuracy, 12);
    }

    [Fact]
    public void A_diverged_output_predicts_nothing_and_the_screen_says_so()
    {
        using var simulation = RenderKit.Diverged();
        using var renderer = new FrameRenderer();
        var (frame, texts) = RenderKit.RenderWithText(simulation, renderer: renderer);
        using var _ = frame;

        Assert.Equal(simulation.Data.Count, renderer.Boundary.NotFiniteCount);
        Assert.Equal(simulation.Data.Count, renderer.Boundary.WrongCount);
        Assert.Equal(0, renderer.Shown.Accuracy);
        Assert.Contains(texts, t => t.Text.Contains("not finite", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text is "NaN" or "inf" && t.Bounds.Top < 40); // the HUD's loss, not a finite number
        // The heatmap shows no class: the no-prediction colour, not red or blue.
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Boundary);
        var probe = DecisionBoundaryRenderer.ToPixel(plot, 0.3, 0.6);
        Assert.Equal(Palette.NoPrediction, frame.GetPixel((int)probe.X, (int)probe.Y));
    }
}
