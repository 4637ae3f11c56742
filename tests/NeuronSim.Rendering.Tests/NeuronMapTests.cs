using NeuronSim.Network.Components;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>Each neuron drawn as a map of its own output over the domain; the hovered one large in the boundary panel.</summary>
public class NeuronMapTests
{
    private static SKRect GraphArea() => FrameLayout.For(RenderKit.Width, RenderKit.Height).Graph;

    private static bool Near(SKColor a, SKColor b, int tolerance) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < tolerance;

    /// <summary>A 2-1-1 sigmoid network whose hidden neuron computes sigmoid(20 (x0 - x1)): 1 below the diagonal, 0 above.</summary>
    private static Network.Training.TrainingSimulation Diagonal()
    {
        var simulation = RenderKit.Simulation([1]);
        RenderKit.SetWeight(simulation, 0, 0, 0, 20);
        RenderKit.SetWeight(simulation, 0, 1, 0, -20);
        RenderKit.SetWeight(simulation, 1, 0, 0, 1);
        simulation.ParametersChanged();
        return simulation;
    }

    [Fact]
    public void A_neuron_with_known_weights_draws_its_known_map()
    {
        using var simulation = Diagonal();
        using var renderer = new FrameRenderer();
        using var frame = RenderKit.Render(simulation, renderer: renderer);
        var domain = PlotDomain.UnitSquare;
        var values = renderer.Maps.Values[1][0];
        for (var row = 0; row < NeuronMaps.Resolution; row++)
        for (var col = 0; col < NeuronMaps.Resolution; col++)
        {
            var (x0, x1) = domain.Cell(row, col, NeuronMaps.Resolution);
            Assert.Equal(1 / (1 + Math.Exp(-20 * (x0 - x1))), values[row * NeuronMaps.Resolution + col], 1e-12);
        }
        // In the circle: bottom right (x0 > x1) blue, top left red.
        var centre = NetworkGraphRenderer.NeuronPosition(GraphArea(), renderer.Network.LayerSizes, 1, 0);
        var r = NetworkGraphRenderer.NeuronRadius(GraphArea(), 1);
        var blue = frame.GetPixel((int)(centre.X + r * 0.4f), (int)(centre.Y + r * 0.4f));
        var red = frame.GetPixel((int)(centre.X - r * 0.4f), (int)(centre.Y - r * 0.4f));
        Assert.True(Near(blue, DecisionBoundaryRenderer.ColourOf(1), 40), $"bottom right is {blue}");
        Assert.True(Near(red, DecisionBoundaryRenderer.ColourOf(0), 40), $"top left is {red}");
        // With maps off (E) the neuron is one fill again.
        using var plain = RenderKit.Render(simulation, ViewState.Snapshot with { ShowNeuronMaps = false });
        Assert.Equal(plain.GetPixel((int)(centre.X + r * 0.4f), (int)(centre.Y + r * 0.4f)), plain.GetPixel((int)(centre.X - r * 0.4f), (int)(centre.Y - r * 0.4f)));
    }

    [Fact]
    public void Hovering_a_neuron_shows_its_map_large_in_the_boundary_panel()
    {
        using var simulation = Diagonal();
        using var renderer = new FrameRenderer();
        var centre = NetworkGraphRenderer.NeuronPosition(GraphArea(), [2, 1, 1], 1, 0);
        var (frame, texts) = RenderKit.RenderWithText(simulation, ViewState.Snapshot with { Hover = GraphTarget.Neuron(1, 0), Mouse = (centre.X, centre.Y) }, renderer: renderer);
        using var _ = frame;
        Assert.Contains(texts, t => t.Text == "hidden 1.0: its output over the domain");
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Boundary);
        // (0.95, 0.55) and (0.55, 0.95) lie between the xor points.
        var below = DecisionBoundaryRenderer.ToPixel(plot, 0.95, 0.55);
        var above = DecisionBoundaryRenderer.ToPixel(plot, 0.55, 0.95);
        Assert.True(Near(frame.GetPixel((int)below.X, (int)below.Y), DecisionBoundaryRenderer.ColourOf(1), 40));
        Assert.True(Near(frame.GetPixel((int)above.X, (int)above.Y), DecisionBoundaryRenderer.ColourOf(0), 40));
    }

    [Fact]
    public void A_wide_layer_maps_only_its_most_varied_neurons()
    {
        using var simulation = RenderKit.Simulation([40], seed: 4);
        using var renderer = new FrameRenderer();
        RenderKit.Render(simulation, renderer: renderer).Dispose();
        var maps = renderer.Maps;
        var mapped = Enumerable.Range(0, 40).Where(j => maps.Has(1, j)).ToArray();
        Assert.Equal(NeuronMaps.MaxPerLayer, mapped.Length);
        static double Spread(double[] v) => v.Take(NeuronMaps.Resolution * NeuronMaps.Resolution).Max() - v.Take(NeuronMaps.Resolution * NeuronMaps.Resolution).Min();
        var least = mapped.Min(j => Spread(maps.Values[1][j]));
        Assert.All(Enumerable.Range(0, 40).Except(mapped), j => Assert.True(Spread(maps.Values[1][j]) <= least));
        Assert.True(maps.Has(0, 0) && maps.Has(2, 0));
    }
}
