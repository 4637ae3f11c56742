using NeuronSim.Rendering.Frame;

namespace NeuronSim.Rendering.Tests;

/// <summary>One naming of neurons and edges for the tooltip, the graph's labels and the action log.</summary>
public class NeuronNamesTests
{
    private static readonly string[] Features = ["x0", "x1", "x0sq"];

    [Theory]
    [InlineData(0, 2, "x0sq")]
    [InlineData(0, 5, "x5")]
    [InlineData(1, 3, "hidden 1.3")]
    [InlineData(2, 0, "hidden 2.0")]
    [InlineData(3, 0, "output")]
    public void Neurons_are_named_by_feature_layer_and_index(int layer, int index, string expected) =>
        Assert.Equal(expected, NeuronNames.Of(Features, [3, 4, 4, 1], layer, index));

    [Fact]
    public void Several_outputs_are_numbered() => Assert.Equal("output 1", NeuronNames.Of(Features, [3, 4, 2], 2, 1));

    [Fact]
    public void An_edge_is_named_by_its_two_neurons_and_a_neuron_by_its_own_name()
    {
        Assert.Equal("edge x1 -> hidden 1.2", NeuronNames.Of(Features, [3, 4, 4, 1], GraphTarget.Edge(0, 1, 2)));
        Assert.Equal("edge hidden 2.3 -> output", NeuronNames.Of(Features, [3, 4, 4, 1], GraphTarget.Edge(2, 3, 0)));
        Assert.Equal("hidden 2.1", NeuronNames.Of(Features, [3, 4, 4, 1], GraphTarget.Neuron(2, 1)));
    }
}
