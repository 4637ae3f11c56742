using NeuronSim.Network.Model;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// Runs the network's forward pass on any points (a test set, a grid for the decision boundary)
/// with buffers of its own: the neurons' batch state in the world is left as it is.
/// </summary>
public sealed class Predictor
{
    private double[][][] _out = [];
    private int _capacity;

    /// <summary>Writes the network's output for each point (x0[k], x1[k]) into <paramref name="output"/>.</summary>
    public void Predict(NetworkTopology topology, ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, Span<double> output)
    {
        var n = x0.Length;
        if (x1.Length != n || output.Length < n) throw new ArgumentException("x0, x1 and output must have the same length");
        Ensure(topology, n);
        topology.GatherParameters();
        x0.CopyTo(_out[0][0]);
        x1.CopyTo(_out[0][1]);
        var layers = topology.Layers;
        for (var l = 1; l < layers.Length; l++)
        {
            var layer = layers[l];
            LayerMath.Forward(topology.Weights, layer.WeightOffset, layer.Bias,
                _out[l - 1], _out[l], layer.Activation, BatchKernels.Padded(n));
        }
        _out[^1][0].AsSpan(0, n).CopyTo(output);
    }

    /// <summary>Every neuron's activation, layer by layer (input first), for the one input point (<paramref name="x0"/>, <paramref name="x1"/>).</summary>
    public double[][] Activations(NetworkTopology topology, double x0, double x1)
    {
        Span<double> output = stackalloc double[1];
        Predict(topology, [x0], [x1], output);
        return _out.Select(layer => layer.Select(values => values[0]).ToArray()).ToArray();
    }

    private void Ensure(NetworkTopology topology, int n)
    {
        var layers = topology.Layers;
        if (_out.Length == layers.Length && _capacity >= n && _out.Zip(layers).All(p => p.First.Length == p.Second.Size)) return;
        _capacity = BatchKernels.Padded(Math.Max(n, _capacity));
        _out = layers.Select(l => Enumerable.Range(0, l.Size).Select(_ => new double[_capacity]).ToArray()).ToArray();
    }
}
