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
    private Entity[] _weightEntities = [];
    private WeightTransfer _weightTransfer = null!;

    private NetworkTopology(World world, LayerView[] layers, int samples)
    {
        _world = world;
        _structureVersion = world.StructureVersion;
        Layers = layers;
        PaddedSamples = samples;
        var weightCount = layers.Sum(l => l.WeightCount);
        Weights = new double[weightCount];
        WeightGrads = new double[weightCount];
        OutputLogit = new double[samples];
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

    /// <summary>The output neuron's net input z per sample, from the last forward pass (a stable cross-entropy needs it).</summary>
    public double[] OutputLogit { get; }

    /// <summary>How many weights and biases the network has.</summary>
    public int ParameterCount => ConnectedCount + Layers.Sum(l => l.Bias.Length);

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
            var (activation, hasBias) = layer == 0 ? (new ActivationFn(Activation.Identity), false) : LayerKind(world, layer, list.Select(n => n.Entity));
            var fanIn = layer == 0 ? 0 : layers[layer - 1].Size;
            layers[layer] = new LayerView(layer, list.Select(n => n.Entity).ToArray(), list.Select(n => n.State).ToArray(),
                activation, hasBias, fanIn, offset);
            offset += layers[layer].WeightCount;
        }
        var topology = new NetworkTopology(world, layers, samples);
        topology.ResolveWeights();
        return topology;
    }

    /// <summary>Reads every <see cref="Weight"/> and <see cref="Bias"/> value into <see cref="Weights"/> and the layers' <see cref="LayerView.Bias"/>.</summary>
    public void GatherParameters() => Transfer(ParameterField.Value, toComponents: false);

    /// <summary>Writes <see cref="Weights"/> and the layers' <see cref="LayerView.Bias"/> into every <see cref="Weight.Value"/> and <see cref="Bias.Value"/> (loading parameters).</summary>
    public void ScatterParameters() => Transfer(ParameterField.Value, toComponents: true);

    /// <summary>Writes <see cref="WeightGrads"/> and the layers' <see cref="LayerView.BiasGrad"/> into every <see cref="Weight.Grad"/> and <see cref="Bias.Grad"/>.</summary>
    public void ScatterGradients() => Transfer(ParameterField.Grad, toComponents: true);

    /// <summary>Per flat weight position, whether a synapse entity holds it (false: pruned, the weight is 0).</summary>
    public bool[] Connected { get; private set; } = [];

    /// <summary>How many weights have a synapse entity.</summary>
    public int ConnectedCount => Connected.Count(c => c);

    /// <summary>The entity of the weight from neuron <paramref name="from"/> of layer <paramref name="layer"/> - 1 to <paramref name="to"/> of <paramref name="layer"/>, or <see cref="Entity.Null"/> when pruned.</summary>
    public Entity WeightEntityOrNull(int layer, int from, int to) => _weightEntities[FlatIndexOf(new Neuron(layer - 1, from), new Neuron(layer, to))];

    /// <summary>The entity of the weight from neuron <paramref name="from"/> of layer <paramref name="layer"/> - 1 to neuron <paramref name="to"/> of <paramref name="layer"/>.</summary>
    /// <exception cref="InvalidOperationException">The weight was pruned.</exception>
    public Entity WeightEntity(int layer, int from, int to) => WeightEntityOrNull(layer, from, to) is var e && e != Entity.Null
        ? e
        : throw new InvalidOperationException($"the weight from neuron {from} of layer {layer - 1} to neuron {to} of layer {layer} was pruned");

    private void Transfer(ParameterField field, bool toComponents)
    {
        var flat = field == ParameterField.Value ? Weights : WeightGrads;
        _weightTransfer.Run(flat, field, toComponents);
        foreach (var chunk in _biasChunks)
        {
            var neurons = chunk.GetSpan<Neuron>();
            var biases = chunk.GetSpan<Bias>();
            for (var row = 0; row < neurons.Length; row++)
            {
                var layer = Layers[neurons[row].Layer];
                var dense = field == ParameterField.Value ? layer.Bias : layer.BiasGrad;
                ref var value = ref field == ParameterField.Value ? ref biases[row].Value : ref biases[row].Grad;
                if (toComponents) value = dense[neurons[row].Index];
                else dense[neurons[row].Index] = value;
            }
        }
    }

    /// <summary>The activation and bias of a layer's neurons, which must all agree.</summary>
    private static (ActivationFn Activation, bool HasBias) LayerKind(World world, int layer, IEnumerable<Entity> neurons)
    {
        (ActivationFn Activation, bool HasBias)? kind = null;
        foreach (var neuron in neurons)
        {
            if (!world.Has<ActivationFn>(neuron)) throw new InvalidOperationException($"layer {layer}: neuron {neuron} has no activation");
            var mine = (world.Get<ActivationFn>(neuron), world.Has<Bias>(neuron));
            kind ??= mine;
            if (kind.Value.Item1 != mine.Item1) throw new InvalidOperationException($"layer {layer}: neurons disagree on the activation ({kind.Value.Item1.Kind} and {mine.Item1.Kind})");
            if (kind.Value.Item2 != mine.Item2) throw new InvalidOperationException($"layer {layer}: some neurons have a bias and some do not");
        }
        return kind!.Value;
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
        _weightEntities = new Entity[Weights.Length];
        foreach (var chunk in _world.GetChunks(in WeightQuery))
        {
            var synapses = chunk.GetSpan<Synapse>();
            var flatIndex = new int[synapses.Length];
            var entities = chunk.EntitySpan;
            for (var row = 0; row < synapses.Length; row++)
            {
                var index = FlatIndexOf(_world.Get<Neuron>(synapses[row].From), _world.Get<Neuron>(synapses[row].To));
                if (seen[index]) throw new InvalidOperationException($"two synapses join the same pair of neurons ({chunk.Entities[row]})");
                seen[index] = true;
                flatIndex[row] = index;
                _weightEntities[index] = entities[row];
            }
            _weightChunks.Add(new WeightChunk(chunk, flatIndex));
        }
        _weightTransfer = new WeightTransfer(_weightChunks);
        foreach (var chunk in _world.GetChunks(in BiasQuery)) _biasChunks.Add(chunk);
        // A position without a synapse (a pruned weight) stays 0 in Weights and its gradient is never scattered:
        // the network trains exactly as if that weight were fixed at zero.
        Connected = seen;
    }
}
