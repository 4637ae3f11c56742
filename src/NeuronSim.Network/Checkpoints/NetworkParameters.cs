using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// The network's weights and biases, read from and written to its ECS components through the
/// topology's dense view, layer by layer in PyTorch's layout: layer l's weights (l = 1 is the
/// first after the input) as a row-major [out, in] array, w_ji at j * in + i (the topology's own
/// order), and its biases as an [out] array. A pruned weight reads as 0 and is not written.
/// </summary>
internal static class NetworkParameters
{
    /// <summary>Every weight and bias value of the network <paramref name="topology"/> resolves, per layer after the input.</summary>
    public static (double[][] Weights, double[][] Biases) Read(NetworkTopology topology)
    {
        topology.GatherParameters();
        var layers = topology.Layers.Skip(1).ToArray();
        return (layers.Select(l => topology.Weights.AsSpan(l.WeightOffset, l.WeightCount).ToArray()).ToArray(),
                layers.Select(l => (double[])l.Bias.Clone()).ToArray());
    }

    /// <summary>Sets every weight and bias component of the network <paramref name="topology"/> resolves from the per-layer arrays (same shape).</summary>
    public static void Write(NetworkTopology topology, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> biases)
    {
        for (var l = 1; l < topology.Layers.Length; l++)
        {
            var layer = topology.Layers[l];
            weights[l - 1].CopyTo(topology.Weights, layer.WeightOffset);
            biases[l - 1].CopyTo(layer.Bias, 0);
        }
        topology.ScatterParameters();
    }
}
