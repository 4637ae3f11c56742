namespace NeuronSim.Rendering.Frame;

/// <summary>
/// How people see a neuron named, in the tooltip, on the graph and in the action log alike: an
/// input by its feature ("x0", "x0sq"), "hidden 1.2" for a hidden neuron (layer.index), "output"
/// for a lone output neuron ("output 1" among several).
/// </summary>
public static class NeuronNames
{
    /// <summary>The name of neuron <paramref name="index"/> of <paramref name="layer"/> in a network of <paramref name="layerSizes"/>.</summary>
    public static string Of(IReadOnlyList<string> inputNames, IReadOnlyList<int> layerSizes, int layer, int index)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(layerSizes);
        if (layer == 0) return index < inputNames.Count ? inputNames[index] : $"x{index}";
        if (layer == layerSizes.Count - 1) return layerSizes[layer] == 1 ? "output" : $"output {index}";
        return $"hidden {layer}.{index}";
    }

    /// <summary>"edge x0 -> hidden 1.0" for an edge, the neuron's name for a neuron.</summary>
    public static string Of(IReadOnlyList<string> inputNames, IReadOnlyList<int> layerSizes, GraphTarget target) => target.IsEdge
        ? $"edge {Of(inputNames, layerSizes, target.Layer, target.From)} -> {Of(inputNames, layerSizes, target.Layer + 1, target.To)}"
        : Of(inputNames, layerSizes, target.Layer, target.From);
}
