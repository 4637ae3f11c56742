using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Topology;

/// <summary>
/// The network's entities resolved once into dense indices: layers in order and, for every
/// chunk of weight entities, the flat position of each row's weight. The ECS components stay
/// the source of truth: <see cref="GatherParameters"/> reads them into the flat arrays that the
/// layer loops use, <see cref="ScatterGradients"/> writes the gradients back. Rebuild it
/// (<see cref="IsStale"/>) when the world's structure changes.
/// </summary>
public sealed class NetworkTopology
{
    private static readonly QueryDescription NeuronQuery = new QueryDescription().WithAll<Neuron, NeuronState>();
    private static readonly QueryDescription WeightQuery = new QueryDescription().WithAll<Synapse, Weight>();

    private readonly World _world;
    private readonly long _structureVersion;
    private static readonly QueryDescription BiasQuery = new QueryDescription().WithAll<Neuron, Bias>();

    private readonly List<WeightChunk> _weightChunks = new();
    private readonly List<Chunk> _biasChunks = new();

    private NetworkTopology(World world, LayerView[] layers, int samples)
    {
        _world = world;
        _structureVersion = world.StructureVersion;
        Layers = layers;
        PaddedSamples = samples;
        var weightCount = layers.Sum(l => l.WeightCount);
        Weights = new double[weightCount];
        WeightGrads = new double[weightCount];
    }

    /// <summary>The layers, input first.</summary>
    public LayerView[] Layers { get; }

    /// <summary>The output layer.</summary>
    public LayerView Output => Layers[^1];

    /// <summary>The length of the neurons' state vectors: the batch size padded to a multiple of 8.</summary>
    public int PaddedSamples { get; }

    /// <summary>Every weight value, layer after layer, row-major within a layer.</summary>
    public double[] Weights { get; }

    /// <summary>Every weight gradient, in the order of <see cref="Weights"/>.</summary>
    public double[] WeightGrads { get; }

    /// <summary>Whether the world's structure changed since this view was built.</summary>
    public bool IsStale => _world.StructureVersion != _structureVersion;

    /// <summary>Resolves the network held by <paramref name="world"/>.</summary>
    /// <exception cref="InvalidOperationException">The entities do not form a layered network.</exception>
    public static NetworkTopology Build(World world)
    {
        var byLayer = new SortedDictionary<int, List<(int Index, Entity Entity, NeuronState State)>>();
        world.Query(in NeuronQuery, (Entity entity, ref Neuron neuron, ref NeuronState state) =>
        {
            if (!byLayer.TryGetValue(neuron.Layer, out var list)) byLayer[neuron.Layer] = list = new();
            list.Add((neuron.Index, entity, state));
        });
        if (byLayer.Count < 2) throw new InvalidOperationException("a network needs at least an input and an output layer");
        var layers = new LayerView[byLayer.Count];
        var samples = -1;
        var offset = 0;
        foreach (var (layer, list) in byLayer)
        {
            if (layer != layers.Count(l => l is not null)) throw new InvalidOperationException($"layer {layer} follows a gap");
            list.Sort((a, b) => a.Index.CompareTo(b.Index));
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Index != i) throw new InvalidOperationException($"layer {layer} has no neuron {i}");
            }
            samples = samples < 0 ? list[0].State.Out.Length : samples;
            var first = list[0].Entity;
            var activation = layer == 0 ? Activation.Identity : world.Get<ActivationFn>(first).Kind;
            var hasBias = layer > 0 && world.Has<Bias>(first);
            var fanIn = layer == 0 ? 0 : layers[layer - 1].Size;
            layers[layer] = new LayerView(layer, list.Select(n => n.Entity).ToArray(), list.Select(n => n.State).ToArray(),
                activation, hasBias, fanIn, offset);
            offset += layers[layer].WeightCount;
        }
        var topology = new NetworkTopology(world, layers, samples);
        topology.ResolveWeights();
        return topology;
    }

    /// <summary>Reads every <see cref="Weight"/> and <see cref="Bias"/> value into the flat arrays.</summary>
    public void GatherParameters()
    {
        foreach (var chunk in _weightChunks) chunk.Gather(Weights);
        foreach (var chunk in _biasChunks)
        {
            var neurons = chunk.GetSpan<Neuron>();
            var biases = chunk.GetSpan<Bias>();
            for (var row = 0; row < neurons.Length; row++) Layers[neurons[row].Layer].Bias[neurons[row].Index] = biases[row].Value;
        }
    }

    /// <summary>Writes the flat gradients into every <see cref="Weight.Grad"/> and <see cref="Bias.Grad"/>.</summary>
    public void ScatterGradients()
    {
        foreach (var chunk in _weightChunks) chunk.Scatter(WeightGrads);
        foreach (var chunk in _biasChunks)
        {
            var neurons = chunk.GetSpan<Neuron>();
            var biases = chunk.GetSpan<Bias>();
            for (var row = 0; row < neurons.Length; row++) biases[row].Grad = Layers[neurons[row].Layer].BiasGrad[neurons[row].Index];
        }
    }

    /// <summary>The flat position of the weight from neuron <paramref name="from"/> to neuron <paramref name="to"/>.</summary>
    public int FlatIndexOf(Neuron from, Neuron to)
    {
        if (to.Layer < 1 || to.Layer >= Layers.Length || from.Layer != to.Layer - 1)
        {
            throw new InvalidOperationException($"a synapse must join consecutive layers, got {from.Layer} -> {to.Layer}");
        }
        var layer = Layers[to.Layer];
        return layer.WeightOffset + to.Index * layer.FanIn + from.Index;
    }

    private void ResolveWeights()
    {
        var seen = new bool[Weights.Length];
        foreach (var chunk in _world.GetChunks(in WeightQuery))
        {
            var synapses = chunk.GetSpan<Synapse>();
            var flatIndex = new int[synapses.Length];
            for (var row = 0; row < synapses.Length; row++)
            {
                var index = FlatIndexOf(_world.Get<Neuron>(synapses[row].From), _world.Get<Neuron>(synapses[row].To));
                if (seen[index]) throw new InvalidOperationException($"two synapses join the same pair of neurons ({chunk.Entities[row]})");
                seen[index] = true;
                flatIndex[row] = index;
            }
            _weightChunks.Add(new WeightChunk(chunk, flatIndex));
        }
        foreach (var chunk in _world.GetChunks(in BiasQuery)) _biasChunks.Add(chunk);
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw new InvalidOperationException($"the network is not fully connected: weight {missing} has no synapse");
    }
}
