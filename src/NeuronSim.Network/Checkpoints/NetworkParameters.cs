using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// The network's weights and biases read from and written to its ECS components, layer by layer
/// in PyTorch's layout: layer l's weights (l = 1 is the first after the input) as a row-major
/// [out, in] array, w_ji at j * in + i, and its biases as an [out] array.
/// </summary>
internal static class NetworkParameters
{
    private static readonly QueryDescription Synapses = new QueryDescription().WithAll<Synapse, Weight>();
    private static readonly QueryDescription Biased = new QueryDescription().WithAll<Neuron, Bias>();

    /// <summary>Every <see cref="Weight.Value"/> and <see cref="Bias.Value"/> of the network in <paramref name="world"/>, whose layers have <paramref name="sizes"/> units.</summary>
    public static (double[][] Weights, double[][] Biases) Read(World world, IReadOnlyList<int> sizes, bool useBias)
    {
        var weights = Enumerable.Range(1, sizes.Count - 1).Select(l => new double[sizes[l] * sizes[l - 1]]).ToArray();
        var biases = Enumerable.Range(1, sizes.Count - 1).Select(l => new double[useBias ? sizes[l] : 0]).ToArray();
        world.Query(in Synapses, (ref Synapse synapse, ref Weight weight) =>
            weights[Layer(world, synapse)][Position(world, synapse, sizes)] = weight.Value);
        if (useBias)
        {
            world.Query(in Biased, (ref Neuron neuron, ref Bias bias) => biases[neuron.Layer - 1][neuron.Index] = bias.Value);
        }
        return (weights, biases);
    }

    /// <summary>Sets every weight and bias component of the network in <paramref name="world"/> (same shape as <paramref name="sizes"/>) from the arrays.</summary>
    public static void Write(World world, IReadOnlyList<int> sizes, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> biases)
    {
        world.Query(in Synapses, (ref Synapse synapse, ref Weight weight) =>
            weight.Value = weights[Layer(world, synapse)][Position(world, synapse, sizes)]);
        world.Query(in Biased, (ref Neuron neuron, ref Bias bias) => bias.Value = biases[neuron.Layer - 1][neuron.Index]);
    }

    private static int Layer(World world, Synapse synapse) => world.Get<Neuron>(synapse.To).Layer - 1;

    private static int Position(World world, Synapse synapse, IReadOnlyList<int> sizes)
    {
        var to = world.Get<Neuron>(synapse.To);
        return to.Index * sizes[to.Layer - 1] + world.Get<Neuron>(synapse.From).Index;
    }
}
