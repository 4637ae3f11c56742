using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

public class EdgeRenderingTests
{
    private static readonly int[] LayerSizes = [2, 1];

    private static (SKPoint From, SKPoint To) Edge(int input)
    {
        var graph = FrameLayout.For(RenderKit.Width, RenderKit.Height).Graph;
        return (NetworkGraphRenderer.NeuronPosition(graph, LayerSizes, 0, input), NetworkGraphRenderer.NeuronPosition(graph, LayerSizes, 1, 0));
    }

    [Fact]
    public void Measured_stroke_width_grows_with_the_weights_magnitude()
    {
        using var simulation = RenderKit.Simulation([]);
        var widths = new List<double>();
        foreach (var magnitude in new[] { 0.3, 1.5, 3.0, 6.0 })
        {
            RenderKit.SetWeight(simulation, 0, 0, 0, magnitude);
            RenderKit.SetWeight(simulation, 0, 1, 0, -magnitude);
            using var frame = RenderKit.Render(simulation);
            var (from, to) = Edge(0);
            var positive = RenderKit.WidthAcrossMidpoint(frame, from, to);
            (from, to) = Edge(1);
            var negative = RenderKit.WidthAcrossMidpoint(frame, from, to);
            Assert.InRange(positive, EdgeStyle.Width(magnitude) - 1.5, EdgeStyle.Width(magnitude) + 2.0);
            Assert.InRange(negative, EdgeStyle.Width(magnitude) - 1.5, EdgeStyle.Width(magnitude) + 2.0);
            widths.Add(positive);
        }
        for (var i = 1; i < widths.Count; i++) Assert.True(widths[i] > widths[i - 1] + 1, $"widths {string.Join(", ", widths)} do not grow with |w|");
    }

    [Fact]
    public void Positive_and_negative_edges_have_the_two_colours()
    {
        using var simulation = RenderKit.Simulation([]);
        RenderKit.SetWeight(simulation, 0, 0, 0, 4.0);
        RenderKit.SetWeight(simulation, 0, 1, 0, -4.0);
        using var frame = RenderKit.Render(simulation);

        var (from, to) = Edge(0);
        var positive = frame.GetPixel((int)((from.X + to.X) / 2), (int)((from.Y + to.Y) / 2));
        (from, to) = Edge(1);
        var negative = frame.GetPixel((int)((from.X + to.X) / 2), (int)((from.Y + to.Y) / 2));

        Assert.Equal(Palette.Positive, positive.WithAlpha(255));
        Assert.Equal(Palette.Negative, negative.WithAlpha(255));
        Assert.True(positive.Red > positive.Blue + 80, $"positive edge {positive} is not orange");
        Assert.True(negative.Blue > negative.Red + 80, $"negative edge {negative} is not blue");
    }

    [Fact]
    public void Edge_style_is_the_documented_mapping_with_a_clamp()
    {
        Assert.Equal(0.5f, EdgeStyle.Width(0));
        Assert.Equal(2.0f, EdgeStyle.Width(1), 3);
        Assert.Equal(2.0f, EdgeStyle.Width(-1), 3);
        Assert.Equal(10f, EdgeStyle.Width(100));
        Assert.Equal(0.5f, EdgeStyle.Width(double.NaN));
        Assert.Equal(Palette.Neutral, EdgeStyle.Colour(0));
        Assert.Equal(Palette.Positive, EdgeStyle.Colour(2));
        Assert.Equal(Palette.Negative, EdgeStyle.Colour(-5));
    }
}
