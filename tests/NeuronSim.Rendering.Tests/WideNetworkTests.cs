using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>Wide networks: every layer pair shows, the output is always reached, wide pairs are heatmaps (issue 8, item 5).</summary>
public class WideNetworkTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(100)]
    public void Every_pair_shows_and_wide_pairs_are_heatmaps(int width)
    {
        using var simulation = RenderKit.Simulation([width, width], bias: true);
        simulation.Step(3);
        using var renderer = new FrameRenderer();
        var (frame, texts) = RenderKit.RenderWithText(simulation, renderer: renderer);
        using var _ = frame;
        var graph = renderer.Graph;

        Assert.Equal(2 * width + width * width + width, renderer.Network.EdgeCount);
        Assert.Equal([false, true, false], graph.HeatmapPairs);
        Assert.True(graph.DrawnPerPair[0] > 0, "no edge from the inputs");
        Assert.True(graph.DrawnPerPair[2] > 0, "no edge reaches the output");
        Assert.InRange(graph.DrawnEdges, 2, graph.MaxDrawnEdges);
        Assert.Contains(texts, t => t.Text.Contains("heatmap", StringComparison.Ordinal));

        // Pixels: edges end at the output neuron, and the heatmap between the hidden layers is coloured.
        var area = FrameLayout.For(RenderKit.Width, RenderKit.Height).Graph;
        var sizes = renderer.Network.LayerSizes;
        var output = NetworkGraphRenderer.NeuronPosition(area, sizes, 3, 0);
        var left = NetworkGraphRenderer.NeuronPosition(area, sizes, 2, 0).X;
        var inked = 0;
        for (var y = (int)output.Y - 120; y < output.Y + 120; y++)
            if (RenderKit.IsInk(frame.GetPixel((int)((left + output.X) / 2), y))) inked++;
        Assert.True(inked > 5, "nothing is drawn between the last hidden layer and the output");
        var hidden1 = NetworkGraphRenderer.NeuronPosition(area, sizes, 1, width / 2).X;
        var hidden2 = NetworkGraphRenderer.NeuronPosition(area, sizes, 2, width / 2).X;
        var colours = new HashSet<SKColor>();
        for (var y = (int)area.Top + 100; y < area.Bottom - 100; y += 3)
            colours.Add(frame.GetPixel((int)((hidden1 + hidden2) / 2), y));
        Assert.True(colours.Count > 20, $"the weight matrix between the hidden layers shows {colours.Count} colours");
    }

    [Fact]
    public void Narrow_networks_draw_every_edge()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        using var renderer = new FrameRenderer();
        using var frame = RenderKit.Render(simulation, renderer: renderer);
        Assert.Equal(renderer.Network.EdgeCount, renderer.Graph.DrawnEdges);
        Assert.DoesNotContain(true, renderer.Graph.HeatmapPairs);
    }
}
