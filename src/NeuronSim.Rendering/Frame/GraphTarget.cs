namespace NeuronSim.Rendering.Frame;

/// <summary>A neuron or an edge of the graph, by position: what the mouse is over or what is selected.</summary>
/// <param name="Layer">The neuron's layer, or the edge's source layer.</param>
/// <param name="From">The neuron's index, or the edge's source index.</param>
/// <param name="To">The edge's target index in the next layer; -1 for a neuron.</param>
public readonly record struct GraphTarget(int Layer, int From, int To = -1)
{
    /// <summary>Whether this is an edge (else a neuron).</summary>
    public bool IsEdge => To >= 0;

    /// <summary>Neuron <paramref name="index"/> of <paramref name="layer"/>.</summary>
    public static GraphTarget Neuron(int layer, int index) => new(layer, index);

    /// <summary>The edge from neuron <paramref name="from"/> of <paramref name="layer"/> to neuron <paramref name="to"/> of the next layer.</summary>
    public static GraphTarget Edge(int layer, int from, int to) => new(layer, from, to);

    /// <summary>By position, for debugging: "neuron 1.2" (layer.index), "edge 0.1 -> 1.3". People see <see cref="NeuronNames"/>' names.</summary>
    public override string ToString() => IsEdge ? $"edge {Layer}.{From} -> {Layer + 1}.{To}" : $"neuron {Layer}.{From}";
}
