using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Editing;

/// <summary>
/// Changes a simulation's network between ticks, as only an ECS makes natural: the network is
/// entities, so a pruned weight is a destroyed entity, a new neuron is a created one. Structural
/// changes are recorded in a <see cref="CommandBuffer"/> and played back at once; the topology then
/// rebuilds, the weights that remain keep their values (and optimizer state), new weights are drawn
/// from N(0, 1) as the spec's initialisation, and the simulation's spec follows the new shape.
/// </summary>
public sealed class NetworkEditor(TrainingSimulation simulation)
{
    private static readonly QueryDescription Synapses = new QueryDescription().WithAll<Synapse, Weight>();
    private static readonly QueryDescription Neurons = new QueryDescription().WithAll<Neuron>();
    private readonly Random _random = new(HashCode.Combine(simulation.Spec.Seed, 0x5eed));
    private World World => simulation.World;

    /// <summary>Sets a weight's value (the entity keeps its optimizer state).</summary>
    public void SetWeight(Entity weight, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"a weight must be a finite number, got {value}");
        World.Get<Weight>(weight).Value = value;
        simulation.ParametersChanged();
    }

    /// <summary>Destroys a weight's entity: training goes on as if that weight were fixed at zero.</summary>
    public void Prune(Entity weight)
    {
        if (!World.Has<Weight>(weight)) throw new ArgumentException($"{weight} is not a weight");
        Apply(commands => commands.Destroy(weight));
    }

    /// <summary>Freezes a weight or a neuron's bias (a <see cref="Frozen"/> tag the update systems skip), or unfreezes it; returns whether it is now frozen.</summary>
    public bool ToggleFrozen(Entity entity)
    {
        var frozen = World.Has<Frozen>(entity);
        Apply(commands =>
        {
            if (frozen) commands.Remove<Frozen>(entity);
            else commands.Add<Frozen>(entity);
        });
        return !frozen;
    }

    /// <summary>
    /// Gives every hidden neuron <paramref name="activation"/> (the output layer keeps its own): each neuron's
    /// <see cref="ActivationFn"/> component is replaced, the weights, biases and optimizer state stay, and
    /// training goes on from the same epoch with the new function.
    /// </summary>
    /// <exception cref="ArgumentException">The network cannot take it (nothing changes).</exception>
    public void SetHiddenActivation(Activation activation)
    {
        var spec = simulation.Spec with { HiddenActivations = [activation] };
        spec.Validate();
        var layers = simulation.Topology.Layers;
        Apply(commands =>
        {
            for (var layer = 1; layer < layers.Length - 1; layer++)
            {
                foreach (var neuron in layers[layer].Neurons)
                {
                    commands.Remove<ActivationFn>(neuron);
                    commands.Add(neuron, spec.ActivationOf(layer));
                }
            }
        });
        simulation.Reshape(spec);
    }

    /// <summary>Adds a neuron at the end of hidden layer <paramref name="layer"/> (1 = first hidden), wired to both neighbouring layers.</summary>
    public void AddNeuron(int layer)
    {
        var topology = RequireHidden(layer);
        var below = topology.Layers[layer - 1].Neurons;
        var above = topology.Layers[layer + 1].Neurons;
        var template = topology.Layers[layer];
        Apply(commands => commands.Create((world, neuron) =>
        {
            MakeNeuron(world, neuron, new Neuron(layer, template.Size), template.Activation, template.HasBias);
            foreach (var from in below) Connect(commands, from, neuron);
            foreach (var to in above) Connect(commands, neuron, to);
        }));
        Resize(layer, +1);
    }

    /// <summary>Removes the last neuron of hidden layer <paramref name="layer"/> and every weight that touches it (a layer keeps at least one neuron).</summary>
    public void RemoveLastNeuron(int layer)
    {
        var topology = RequireHidden(layer);
        if (topology.Layers[layer].Size == 1) throw new InvalidOperationException($"layer {layer} has one neuron left: remove the layer instead");
        var neuron = topology.Layers[layer].Neurons[^1];
        var touching = SynapsesWhere(s => s.From == neuron || s.To == neuron);
        Apply(commands =>
        {
            foreach (var synapse in touching) commands.Destroy(synapse);
            commands.Destroy(neuron);
        });
        Resize(layer, -1);
    }

    /// <summary>Adds a hidden layer after layer <paramref name="layer"/> (0 = the input), as wide and with the same activation as the layer it follows (the input's: one of the hidden activations).</summary>
    public void AddLayer(int layer)
    {
        var topology = simulation.Topology;
        var spec = simulation.Spec;
        if (layer < 0 || layer > spec.Hidden.Count) throw new ArgumentOutOfRangeException(nameof(layer), $"a layer can follow layer 0 to {spec.Hidden.Count}, got {layer}");
        if (spec.Hidden.Count == NetworkSpec.MaxHiddenLayers) throw new InvalidOperationException($"at most {NetworkSpec.MaxHiddenLayers} hidden layers");
        // The new layer copies its neighbour below (the first hidden layer when it follows the input).
        var activation = spec.Hidden.Count == 0 ? new ActivationFn(spec.HiddenActivations[0], spec.Leak) : spec.ActivationOf(Math.Max(layer, 1));
        var width = spec.Hidden.Count == 0 ? 4 : spec.Hidden[Math.Max(layer, 1) - 1];
        var below = topology.Layers[layer].Neurons;
        var above = topology.Layers[layer + 1].Neurons;
        var hasBias = spec.UseBias;
        var cut = SynapsesWhere(s => World.Get<Neuron>(s.From).Layer == layer);
        Apply(commands =>
        {
            foreach (var synapse in cut) commands.Destroy(synapse);
            Renumber(commands, from: layer + 1, by: +1);
            var created = new Entity[width];
            for (var j = 0; j < width; j++)
            {
                var index = j;
                commands.Create((world, neuron) =>
                {
                    created[index] = neuron;
                    MakeNeuron(world, neuron, new Neuron(layer + 1, index), activation, hasBias);
                    foreach (var from in below) Connect(commands, from, neuron);
                    if (index == width - 1) foreach (var n in created) foreach (var to in above) Connect(commands, n, to);
                });
            }
        });
        var kinds = HiddenKinds(spec);
        kinds.Insert(layer, activation.Kind);
        simulation.Reshape(spec with { Hidden = [.. spec.Hidden.Take(layer), width, .. spec.Hidden.Skip(layer)], HiddenActivations = Collapse(kinds, spec) });
    }

    /// <summary>Removes hidden layer <paramref name="layer"/>; the layers on each side are joined by new weights.</summary>
    public void RemoveLayer(int layer)
    {
        var topology = RequireHidden(layer);
        var spec = simulation.Spec;
        var below = topology.Layers[layer - 1].Neurons;
        var above = topology.Layers[layer + 1].Neurons;
        var doomed = topology.Layers[layer].Neurons;
        var touching = SynapsesWhere(s => World.Get<Neuron>(s.From).Layer == layer || World.Get<Neuron>(s.To).Layer == layer);
        Apply(commands =>
        {
            foreach (var synapse in touching) commands.Destroy(synapse);
            foreach (var neuron in doomed) commands.Destroy(neuron);
            Renumber(commands, from: layer + 1, by: -1);
            foreach (var to in above) foreach (var from in below) Connect(commands, from, to);
        });
        var kinds = HiddenKinds(spec);
        kinds.RemoveAt(layer - 1);
        simulation.Reshape(spec with { Hidden = [.. spec.Hidden.Take(layer - 1), .. spec.Hidden.Skip(layer)], HiddenActivations = Collapse(kinds, spec) });
    }

    private static List<Activation> HiddenKinds(NetworkSpec spec) => [.. Enumerable.Range(1, spec.Hidden.Count).Select(l => spec.ActivationOf(l).Kind)];

    /// <summary>One activation for every hidden layer when they agree (or there are none), else one per layer.</summary>
    private static IReadOnlyList<Activation> Collapse(List<Activation> kinds, NetworkSpec spec) =>
        kinds.Count == 0 ? [spec.HiddenActivations[0]] : kinds.Distinct().Count() == 1 ? [kinds[0]] : kinds;

    private Topology.NetworkTopology RequireHidden(int layer)
    {
        var topology = simulation.Topology;
        if (layer < 1 || layer > topology.Layers.Length - 2) throw new ArgumentOutOfRangeException(nameof(layer), $"hidden layers are 1 to {topology.Layers.Length - 2}, got {layer}");
        return topology;
    }

    private void Resize(int layer, int by)
    {
        var spec = simulation.Spec;
        var hidden = spec.Hidden.ToArray();
        hidden[layer - 1] += by;
        simulation.Reshape(spec with { Hidden = hidden });
    }

    private void MakeNeuron(World world, Entity neuron, Neuron place, ActivationFn activation, bool hasBias)
    {
        world.Add(neuron, place);
        world.Add(neuron, activation);
        world.Add(neuron, NeuronState.ForBatch(simulation.Data.Count));
        if (hasBias) world.Add(neuron, new Bias { Value = NetworkBuilder.StandardNormal(_random) });
    }

    private void Connect(CommandBuffer commands, Entity from, Entity to) =>
        commands.Create(new Synapse(from, to), new Weight { Value = NetworkBuilder.StandardNormal(_random) });

    private void Renumber(CommandBuffer commands, int from, int by)
    {
        foreach (var chunk in World.GetChunks(in Neurons))
        {
            var places = chunk.GetSpan<Neuron>();
            var entities = chunk.EntitySpan;
            for (var row = 0; row < places.Length; row++)
            {
                if (places[row].Layer >= from) commands.Set(entities[row], places[row] with { Layer = places[row].Layer + by });
            }
        }
    }

    private List<Entity> SynapsesWhere(Func<Synapse, bool> predicate)
    {
        var found = new List<Entity>();
        foreach (var chunk in World.GetChunks(in Synapses))
        {
            var synapses = chunk.GetSpan<Synapse>();
            var entities = chunk.EntitySpan;
            for (var row = 0; row < synapses.Length; row++)
            {
                if (predicate(synapses[row])) found.Add(entities[row]);
            }
        }
        return found;
    }

    private void Apply(Action<CommandBuffer> record)
    {
        var commands = new CommandBuffer();
        record(commands);
        commands.Playback(World);
        simulation.StructureChanged();
    }
}
