using NeuronSim.Network.Components;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>The gradient view (G), hovering an edge or a neuron: highlight and tooltip.</summary>
public class InspectTests
{
    private static SKRect GraphArea() => FrameLayout.For(RenderKit.Width, RenderKit.Height).Graph;

    private static TrainingSimulation Trained(OptimizerKind optimizer = OptimizerKind.Sgd)
    {
        var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Activation.Sigmoid, true, 2), Network.Data.DataSets.Xor(),
            new TrainingOptions { LearningRate = 0.5, Optimizer = new OptimizerSettings { Kind = optimizer } });
        simulation.Step(5);
        return simulation;
    }

    private static (SKPoint A, SKPoint B) Ends(NetworkSnapshot network, int k) => (
        NetworkGraphRenderer.NeuronPosition(GraphArea(), network.LayerSizes, network.EdgeFromLayer[k], network.EdgeFrom[k]),
        NetworkGraphRenderer.NeuronPosition(GraphArea(), network.LayerSizes, network.EdgeFromLayer[k] + 1, network.EdgeTo[k]));

    [Fact]
    public void G_draws_each_edge_by_its_gradient_on_its_own_scale_and_the_legend_says_so()
    {
        using var simulation = Trained();
        using var renderer = new FrameRenderer();
        var (weights, weightTexts) = RenderKit.RenderWithText(simulation, renderer: renderer);
        var network = renderer.Network;
        var grads = network.EdgeGrad.Select(Math.Abs).ToArray();
        var largest = Array.IndexOf(grads, grads.Max());
        var smallest = Array.IndexOf(grads, grads.Min());
        var (a, b) = Ends(network, largest);
        var (c, d) = Ends(network, smallest);
        var weightWidth = RenderKit.WidthAcrossMidpoint(weights, a, b);
        weights.Dispose();
        var (gradients, gradientTexts) = RenderKit.RenderWithText(simulation, ViewState.Snapshot with { ShowGradients = true }, renderer: renderer);
        using var _ = gradients;
        // The largest |dL/dw| gets the widest edge (10 px), whatever its weight; the smallest a thin one.
        Assert.InRange(RenderKit.WidthAcrossMidpoint(gradients, a, b), EdgeStyle.MaxWidth - 1.5, EdgeStyle.MaxWidth + 1.5);
        Assert.True(Math.Abs(weightWidth - EdgeStyle.Width(network.EdgeWeight[largest])) < 1.5);
        var expected = EdgeStyle.Width(grads[smallest] / grads[largest] * NetworkSnapshot.GradientFullWidth);
        Assert.InRange(RenderKit.WidthAcrossMidpoint(gradients, c, d), expected - 1.5, expected + 1.5);
        Assert.Contains(gradientTexts, t => t.Text.StartsWith("GRADIENTS", StringComparison.Ordinal));
        Assert.Contains(gradientTexts, t => t.Text == Numbers.Compact(grads[largest]) + " (max)");
        Assert.DoesNotContain(weightTexts, t => t.Text.StartsWith("GRADIENTS", StringComparison.Ordinal));
    }

    [Fact]
    public void Hovering_an_edge_highlights_it_and_shows_its_weight_gradient_and_optimizer_state()
    {
        using var simulation = Trained(OptimizerKind.Adam);
        using var renderer = new FrameRenderer();
        RenderKit.Render(simulation, renderer: renderer).Dispose();
        var network = renderer.Network;
        var (a, b) = Ends(network, 0);
        var mid = new SKPoint((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        var target = GraphHitTest.At(GraphArea(), network, mid);
        Assert.Equal(GraphTarget.Edge(network.EdgeFromLayer[0], network.EdgeFrom[0], network.EdgeTo[0]), target);
        var view = ViewState.Snapshot with { Hover = target, Mouse = (mid.X, mid.Y), ShowGradients = true };
        var (frame, texts) = RenderKit.RenderWithText(simulation, view, renderer: renderer);
        using var _ = frame;
        if (Environment.GetEnvironmentVariable("NEURONSIM_LOOK") is { Length: > 0 } look) frame.SavePng(Path.Combine(look, "hover-edge.png"));
        var adam = simulation.World.Get<AdamMoments>(network.EdgeEntity(0));
        Assert.Contains(texts, t => t.Text == $"weight w = {Numbers.Compact(network.EdgeWeight[0])}");
        Assert.Contains(texts, t => t.Text == $"last gradient dL/dw = {Numbers.Compact(network.EdgeGrad[0])}");
        Assert.Contains(texts, t => t.Text == $"exp_avg = {Numbers.Compact(adam.ExpAvg)}");
        Assert.Contains(texts, t => t.Text == $"exp_avg_sq = {Numbers.Compact(adam.ExpAvgSq)}");
        // The box: its dark background just below-right of the mouse; the edge: white at its midpoint.
        var inside = frame.GetPixel((int)mid.X + 22, (int)mid.Y + 20);
        Assert.True(inside.Red < 0x19 && inside.Green < 0x19 && inside.Blue < 0x1C, $"no tooltip box: {inside}");
        var onEdge = frame.GetPixel((int)mid.X - 6, (int)(mid.Y - 6 * (b.Y - a.Y) / (b.X - a.X)));
        Assert.True(onEdge.Red > 230 && onEdge.Green > 230 && onEdge.Blue > 230, $"edge not highlighted: {onEdge}");
        var without = RenderKit.RenderWithText(simulation, renderer: renderer);
        without.Frame.Dispose();
        Assert.DoesNotContain(without.Texts, t => t.Text.StartsWith("weight w = ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hovering_a_neuron_shows_its_bias_activation_mean_output_and_delta()
    {
        using var simulation = Trained();
        using var renderer = new FrameRenderer();
        RenderKit.Render(simulation, renderer: renderer).Dispose();
        var network = renderer.Network;
        var centre = NetworkGraphRenderer.NeuronPosition(GraphArea(), network.LayerSizes, 1, 2);
        var target = GraphHitTest.At(GraphArea(), network, centre + new SKPoint(3, 3));
        Assert.Equal(GraphTarget.Neuron(1, 2), target);
        var (frame, texts) = RenderKit.RenderWithText(simulation, ViewState.Snapshot with { Hover = target, Mouse = (centre.X, centre.Y) }, renderer: renderer);
        frame.Dispose();
        Assert.Contains(texts, t => t.Text == "hidden 1.2 (sigmoid)");
        Assert.Contains(texts, t => t.Text == $"bias b = {Numbers.Compact(network.Bias[1][2])}");
        Assert.Contains(texts, t => t.Text == $"mean output = {Numbers.Compact(network.MeanActivation[1][2])}");
        Assert.Contains(texts, t => t.Text.StartsWith("mean delta dL/dz = ", StringComparison.Ordinal));
    }

    [Fact]
    public void Frozen_edges_are_dashed_in_ice_blue_and_frozen_neurons_boxed()
    {
        using var simulation = Trained();
        var editor = new Network.Editing.NetworkEditor(simulation);
        editor.ToggleFrozen(simulation.Topology.WeightEntity(2, 1, 0));
        editor.ToggleFrozen(simulation.Topology.Layers[1].Neurons[0]);
        using var renderer = new FrameRenderer();
        using var frame = RenderKit.Render(simulation, renderer: renderer);
        var network = renderer.Network;
        var k = network.EdgeIndex(1, 1, 0);
        Assert.True(network.EdgeFrozen[k]);
        var (a, b) = Ends(network, k);
        static bool Ice(SKColor c) => Math.Abs(c.Red - Palette.Frozen.Red) + Math.Abs(c.Green - Palette.Frozen.Green) + Math.Abs(c.Blue - Palette.Frozen.Blue) < 60;
        var along = Enumerable.Range(10, 80).Select(i => i / 100f).Count(t => Ice(frame.GetPixel((int)MathF.Round(a.X + t * (b.X - a.X)), (int)MathF.Round(a.Y + t * (b.Y - a.Y)))));
        Assert.InRange(along, 20, 70); // dashed: some of the line, not all of it
        var (c, d) = Ends(network, network.EdgeIndex(1, 0, 0));
        Assert.Equal(0, Enumerable.Range(10, 80).Select(i => i / 100f).Count(t => Ice(frame.GetPixel((int)MathF.Round(c.X + t * (d.X - c.X)), (int)MathF.Round(c.Y + t * (d.Y - c.Y))))));
        var centre = NetworkGraphRenderer.NeuronPosition(GraphArea(), network.LayerSizes, 1, 0);
        var r = NetworkGraphRenderer.NeuronRadius(GraphArea(), network.LayerSizes[1]);
        Assert.True(Ice(frame.GetPixel((int)(centre.X - r - 3), (int)(centre.Y - r - 3))), "frozen neuron not boxed");
    }
}
