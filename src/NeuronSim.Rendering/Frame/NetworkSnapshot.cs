using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// What the graph shows, read from the ECS world (never written): layer sizes, every weight with
/// its endpoints, every bias, and every neuron's mean activation over the batch. The structure
/// (which synapse joins which neurons) is resolved once per <see cref="World.StructureVersion"/>;
/// each <see cref="Read"/> then only copies values, in the order the world's chunks hold them.
/// </summary>
public sealed class NetworkSnapshot
{
    private static readonly QueryDescription NeuronQuery = new QueryDescription().WithAll<Neuron, NeuronState>();
    private static readonly QueryDescription SynapseQuery = new QueryDescription().WithAll<Synapse, Weight>();

    private World? _world;
    private long _structureVersion = -1;
    private Entity[][] _neurons = [];
    private Entity[] _edges = [];
    private bool _showGradients;

    /// <summary>Neurons per layer, input first.</summary>
    public int[] LayerSizes { get; private set; } = [];

    /// <summary>The input neurons' feature names (x0, x1, x0sq, ...), as the graph labels them.</summary>
    public IReadOnlyList<string> InputNames { get; set; } = ["x0", "x1"];

    /// <summary>Number of weights (edges).</summary>
    public int EdgeCount { get; private set; }

    /// <summary>Per edge: the layer of its source neuron (the target is in the next layer).</summary>
    public int[] EdgeFromLayer { get; private set; } = [];

    /// <summary>Per edge: the index of its source neuron within its layer.</summary>
    public int[] EdgeFrom { get; private set; } = [];

    /// <summary>Per edge: the index of its target neuron within the next layer.</summary>
    public int[] EdgeTo { get; private set; } = [];

    /// <summary>Per edge: the weight value at the last <see cref="Read"/>.</summary>
    public double[] EdgeWeight { get; private set; } = [];

    /// <summary>Per edge: the weight's last gradient dL/dw at the last <see cref="Read"/>.</summary>
    public double[] EdgeGrad { get; private set; } = [];

    /// <summary>Whether the graph draws gradients instead of weights (G); <see cref="EdgeDrawn"/> follows.</summary>
    public bool ShowGradients
    {
        get => _showGradients;
        set
        {
            _showGradients = value;
            UpdateDrawn();
        }
    }

    /// <summary>The largest finite |dL/dw| at the last <see cref="Read"/> (the gradient view's scale; 0 before any gradient).</summary>
    public double GradientScale { get; private set; }

    /// <summary>
    /// Per edge: what the graph draws. The weight, or with <see cref="ShowGradients"/> the gradient on
    /// its own scale: dL/dw / <see cref="GradientScale"/> x <see cref="GradientFullWidth"/>, so the largest gradient gets the widest edge.
    /// </summary>
    public double[] EdgeDrawn { get; private set; } = [];

    /// <summary>The drawn value the largest gradient maps to (where <see cref="EdgeStyle.Width"/> reaches its maximum).</summary>
    public const double GradientFullWidth = 6.33;

    /// <summary>Per edge: whether its weight is frozen (the optimizer skips it).</summary>
    public bool[] EdgeFrozen { get; private set; } = [];

    /// <summary>Per layer, per neuron: whether the neuron (its bias) is frozen.</summary>
    public bool[][] NeuronFrozen { get; private set; } = [];

    /// <summary>The entity of neuron <paramref name="index"/> of layer <paramref name="layer"/>.</summary>
    public Entity NeuronEntity(int layer, int index) => _neurons[layer][index];

    /// <summary>The weight entity of edge <paramref name="edge"/>.</summary>
    public Entity EdgeEntity(int edge) => _edges[edge];

    /// <summary>The index of the edge from neuron <paramref name="from"/> of layer <paramref name="layer"/> to neuron <paramref name="to"/> of the next, or -1 (pruned or absent).</summary>
    public int EdgeIndex(int layer, int from, int to)
    {
        for (var k = 0; k < EdgeCount; k++)
        {
            if (EdgeFromLayer[k] == layer && EdgeFrom[k] == from && EdgeTo[k] == to) return k;
        }
        return -1;
    }

    /// <summary>Per layer, per neuron: the bias (NaN for neurons without one).</summary>
    public double[][] Bias { get; private set; } = [];

    /// <summary>Per layer, per neuron: the output averaged over the batch.</summary>
    public double[][] MeanActivation { get; private set; } = [];

    /// <summary>Per layer, per neuron: the activation for the probed input, or null when nothing is probed.</summary>
    public double[][]? ProbeActivation { get; private set; }

    /// <summary>The probed input point, or null.</summary>
    public (double X0, double X1)? Probe { get; private set; }

    /// <summary>What the graph fills the neurons with: the probe's activations, else the batch means.</summary>
    public double[][] ShownActivation => ProbeActivation ?? MeanActivation;

    /// <summary>Per layer: the activation function (identity for the input layer).</summary>
    public Activation[] Activations { get; private set; } = [];

    /// <summary>A hash of every weight and bias at the last <see cref="Read"/>: equal values, equal fingerprint.</summary>
    public long Fingerprint { get; private set; }

    /// <summary>Reads the network held by <paramref name="world"/>.</summary>
    public void Read(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!ReferenceEquals(world, _world) || world.StructureVersion != _structureVersion) Resolve(world);
        var k = 0;
        foreach (var chunk in world.GetChunks(in SynapseQuery))
        {
            foreach (var weight in chunk.GetSpan<Weight>())
            {
                EdgeWeight[k] = weight.Value;
                EdgeGrad[k++] = weight.Grad;
            }
        }
        UpdateDrawn();
        var hash = 17L;
        for (var layer = 0; layer < _neurons.Length; layer++)
        {
            var neurons = _neurons[layer];
            for (var j = 0; j < neurons.Length; j++)
            {
                Bias[layer][j] = world.TryGet<Bias>(neurons[j], out var bias) ? bias.Value : double.NaN;
                hash = unchecked(hash * 31 + BitConverter.DoubleToInt64Bits(Bias[layer][j]));
                ref var state = ref world.Get<NeuronState>(neurons[j]);
                var outputs = state.Out.AsSpan(0, state.Samples);
                var sum = 0.0;
                foreach (var value in outputs) sum += value;
                MeanActivation[layer][j] = outputs.Length == 0 ? 0 : sum / outputs.Length;
            }
        }
        foreach (var w in EdgeWeight) hash = unchecked(hash * 31 + BitConverter.DoubleToInt64Bits(w));
        Fingerprint = hash;
    }

    /// <summary>Reads only every neuron's mean activation again (after a forward pass that changed no weight).</summary>
    public void ReadActivations(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!ReferenceEquals(world, _world) || world.StructureVersion != _structureVersion)
        {
            Read(world);
            return;
        }
        for (var layer = 0; layer < _neurons.Length; layer++)
        {
            var neurons = _neurons[layer];
            for (var j = 0; j < neurons.Length; j++)
            {
                ref var state = ref world.Get<NeuronState>(neurons[j]);
                var outputs = state.Out.AsSpan(0, state.Samples);
                var sum = 0.0;
                foreach (var value in outputs) sum += value;
                MeanActivation[layer][j] = outputs.Length == 0 ? 0 : sum / outputs.Length;
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="activations"/> (every neuron's, layer by layer, for the input point
    /// <paramref name="probe"/>; see <c>TrainingSimulation.ActivationsAt</c>) instead of the batch means; null clears it.
    /// </summary>
    public void SetProbe((double X0, double X1)? probe, double[][]? activations)
    {
        if (probe is not null && (activations is null || !activations.Select(a => a.Length).SequenceEqual(LayerSizes)))
        {
            throw new ArgumentException("the probe's activations must have one value per neuron of every layer", nameof(activations));
        }
        Probe = probe;
        ProbeActivation = probe is null ? null : activations;
    }

    private void UpdateDrawn()
    {
        var scale = 0.0;
        foreach (var g in EdgeGrad)
        {
            if (double.IsFinite(g)) scale = Math.Max(scale, Math.Abs(g));
        }
        GradientScale = scale;
        for (var k = 0; k < EdgeDrawn.Length; k++)
        {
            EdgeDrawn[k] = !_showGradients ? EdgeWeight[k] : scale > 0 ? EdgeGrad[k] / scale * GradientFullWidth : 0;
        }
    }

    private void Resolve(World world)
    {
        var byLayer = new SortedDictionary<int, List<(int Index, Entity Entity)>>();
        world.Query(in NeuronQuery, (Entity entity, ref Neuron neuron, ref NeuronState _) =>
        {
            if (!byLayer.TryGetValue(neuron.Layer, out var list)) byLayer[neuron.Layer] = list = new();
            list.Add((neuron.Index, entity));
        });
        _neurons = byLayer.Values.Select(list => list.OrderBy(n => n.Index).Select(n => n.Entity).ToArray()).ToArray();
        LayerSizes = _neurons.Select(n => n.Length).ToArray();
        Bias = LayerSizes.Select(size => new double[size]).ToArray();
        MeanActivation = LayerSizes.Select(size => new double[size]).ToArray();
        NeuronFrozen = _neurons.Select(layer => layer.Select(n => world.Has<Frozen>(n)).ToArray()).ToArray();
        Activations = _neurons.Select((n, layer) => layer > 0 && n.Length > 0 && world.TryGet<ActivationFn>(n[0], out var fn)
            ? fn.Kind : Activation.Identity).ToArray();

        var count = world.CountEntities(in SynapseQuery);
        EdgeFromLayer = new int[count];
        EdgeFrom = new int[count];
        EdgeTo = new int[count];
        EdgeWeight = new double[count];
        EdgeGrad = new double[count];
        EdgeDrawn = new double[count];
        _edges = new Entity[count];
        var k = 0;
        foreach (var chunk in world.GetChunks(in SynapseQuery))
        {
            var entities = chunk.Entities;
            var synapses = chunk.GetSpan<Synapse>();
            for (var i = 0; i < synapses.Length; i++)
            {
                var synapse = synapses[i];
                _edges[k] = entities[i];
                var from = world.Get<Neuron>(synapse.From);
                var to = world.Get<Neuron>(synapse.To);
                EdgeFromLayer[k] = from.Layer;
                EdgeFrom[k] = from.Index;
                EdgeTo[k] = to.Index;
                k++;
            }
        }
        EdgeCount = k;
        EdgeFrozen = _edges.Select(e => world.Has<Frozen>(e)).ToArray();
        _world = world;
        _structureVersion = world.StructureVersion;
    }
}
