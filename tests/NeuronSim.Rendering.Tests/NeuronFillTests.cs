using NeuronSim.Network.Components;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>The neuron fill is on the activation's own range, and the legend shows it (issue 8, item 7).</summary>
public class NeuronFillTests
{
    private static readonly SKColor Dark = new(0x2A, 0x2E, 0x36), Light = new(0xF4, 0xF4, 0xF4);

    [Theory]
    [InlineData(Activation.Sigmoid, 0.0, 1.0)]
    [InlineData(Activation.Tanh, -1.0, 1.0)]
    public void Bounded_activations_use_their_range(Activation kind, double low, double high)
    {
        using var simulation = RenderKit.Simulation([4, 4], activation: kind);
        using var renderer = new FrameRenderer();
        var (frame, texts) = RenderKit.RenderWithText(simulation, renderer: renderer);
        using var _ = frame;
        Assert.Equal((low, high), renderer.Graph.FillRange);
        Assert.Contains(texts, t => t.Text.EndsWith($"({kind.ToString().ToLowerInvariant()})", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Identity)]
    public void Unbounded_activations_use_the_observed_range_dark_to_white(Activation kind)
    {
        using var simulation = RenderKit.Simulation([4, 4], activation: kind, seed: 3);
        using var renderer = new FrameRenderer();
        var (frame, texts) = RenderKit.RenderWithText(simulation, ViewState.Snapshot with { ShowNeuronMaps = false }, renderer: renderer);
        using var _ = frame;
        var network = renderer.Network;
        var values = network.ShownActivation.Skip(1).SelectMany(v => v).ToArray();
        Assert.Equal((values.Min(), values.Max()), renderer.Graph.FillRange);
        Assert.NotEqual((0.0, 1.0), renderer.Graph.FillRange);
        Assert.Contains(texts, t => t.Text.Contains("observed", StringComparison.Ordinal));

        // The largest activation is white and the smallest dark, whatever their values.
        var area = FrameLayout.For(RenderKit.Width, RenderKit.Height).Graph;
        foreach (var (target, colour) in new[] { (values.Max(), Light), (values.Min(), Dark) })
        {
            var layer = Enumerable.Range(1, network.LayerSizes.Length - 1).First(l => network.ShownActivation[l].Contains(target));
            var index = Array.IndexOf(network.ShownActivation[layer], target);
            var centre = NetworkGraphRenderer.NeuronPosition(area, network.LayerSizes, layer, index);
            var radius = NetworkGraphRenderer.NeuronRadius(area, network.LayerSizes[layer]);
            var pixel = frame.GetPixel((int)centre.X, (int)(centre.Y - radius * 0.55f));
            Assert.True(Math.Abs(pixel.Red - colour.Red) + Math.Abs(pixel.Green - colour.Green) + Math.Abs(pixel.Blue - colour.Blue) < 24,
                $"neuron ({layer}, {index}) with activation {target} is {pixel}, expected {colour}");
        }
    }

    [Fact]
    public void The_boundary_has_a_colour_bar_from_red_to_blue()
    {
        using var simulation = RenderKit.Simulation([4, 4]);
        using var frame = RenderKit.Render(simulation);
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Boundary);
        var top = frame.GetPixel((int)plot.Right + 13, (int)plot.Top + 3);
        var bottom = frame.GetPixel((int)plot.Right + 13, (int)plot.Bottom - 3);
        Assert.Equal(DecisionBoundaryRenderer.ColourOf(1), top, new ColourComparer());
        Assert.Equal(DecisionBoundaryRenderer.ColourOf(0), bottom, new ColourComparer());
        Assert.True(top.Blue > top.Red + 30 && bottom.Red > bottom.Blue + 30, $"top {top}, bottom {bottom}");
    }

    private sealed class ColourComparer : IEqualityComparer<SKColor>
    {
        public bool Equals(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 16;
        public int GetHashCode(SKColor c) => 0;
    }
}
