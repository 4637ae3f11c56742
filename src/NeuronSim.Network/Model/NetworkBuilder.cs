using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model;

/// <summary>Creates a network's entities in a world: a neuron entity per unit, a synapse entity per weight.</summary>
public static class NetworkBuilder
{
    /// <summary>
    /// Builds <paramref name="spec"/> in <paramref name="world"/> with state vectors for
    /// <paramref name="samples"/> points. Weights and biases are drawn from N(0, 1) with the spec's
    /// seed, layer by layer: the layer's weights row by row (to-neuron, then from-neuron), then its biases.
    /// </summary>
    public static void Build(World world, NetworkSpec spec, int samples)
    {
        spec.Validate();
        var random = new Random(spec.Seed);
        var sizes = spec.LayerSizes;
        world.Reserve(sizes.Sum() + sizes.Skip(1).Select((n, l) => n * sizes[l]).Sum());
        var previous = new Entity[sizes[0]];
        for (var i = 0; i < sizes[0]; i++)
        {
            previous[i] = world.Create(new Neuron(0, i), NeuronState.ForBatch(samples));
        }
        for (var layer = 1; layer < sizes.Length; layer++)
        {
            var activation = spec.ActivationOf(layer);
            var current = new Entity[sizes[layer]];
            for (var j = 0; j < current.Length; j++)
            {
                current[j] = spec.UseBias
                    ? world.Create(new Neuron(layer, j), activation, NeuronState.ForBatch(samples), new Bias())
                    : world.Create(new Neuron(layer, j), activation, NeuronState.ForBatch(samples));
            }
            foreach (var to in current)
            {
                foreach (var from in previous)
                {
                    world.Create(new Synapse(from, to), new Weight { Value = StandardNormal(random) });
                }
            }
            if (spec.UseBias)
            {
                foreach (var neuron in current) world.Get<Bias>(neuron).Value = StandardNormal(random);
            }
            previous = current;
        }
    }

    /// <summary>A draw from N(0, 1) (Box-Muller).</summary>
    public static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
