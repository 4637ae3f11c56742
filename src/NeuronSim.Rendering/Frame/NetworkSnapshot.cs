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
            foreach (var weight in chunk.GetSpan<Weight>()) EdgeWeight[k++] = weight.Value;
        }
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
        Activations = _neurons.Select((n, layer) => layer > 0 && n.Length > 0 && world.TryGet<ActivationFn>(n[0], out var fn)
            ? fn.Kind : Activation.Identity).ToArray();

        var count = world.CountEntities(in SynapseQuery);
        EdgeFromLayer = new int[count];
        EdgeFrom = new int[count];
        EdgeTo = new int[count];
        EdgeWeight = new double[count];
        var k = 0;
        foreach (var chunk in world.GetChunks(in SynapseQuery))
        {
            foreach (var synapse in chunk.GetSpan<Synapse>())
            {
                var from = world.Get<Neuron>(synapse.From);
                var to = world.Get<Neuron>(synapse.To);
                EdgeFromLayer[k] = from.Layer;
                EdgeFrom[k] = from.Index;
                EdgeTo[k] = to.Index;
                k++;
            }
        }
        EdgeCount = k;
        _world = world;
        _structureVersion = world.StructureVersion;
    }
}
