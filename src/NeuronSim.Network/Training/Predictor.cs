using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// Runs the network's forward pass on any points (a test set, a grid for the decision boundary)
/// with buffers of its own: the neurons' batch state in the world is left as it is.
/// </summary>
public sealed class Predictor(FeatureSet features)
{
    private double[][][] _out = [];
    private double[] _logit = [];
    private int _capacity;

    /// <summary>
    /// Writes the network's output for each point (x0[k], x1[k]) into <paramref name="output"/> (and,
    /// when given, the output neuron's net input z into <paramref name="logit"/>); the input
    /// neurons get the points' features.
    /// </summary>
    public void Predict(NetworkTopology topology, ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, Span<double> output, Span<double> logit = default)
    {
        var n = x0.Length;
        if (x1.Length != n || output.Length < n) throw new ArgumentException("x0, x1 and output must have the same length");
        Ensure(topology, n);
        topology.GatherParameters();
        Span<double> values = stackalloc double[features.Count];
        var inputs = _out[0];
        for (var k = 0; k < n; k++)
        {
            features.Compute(x0[k], x1[k], values);
            for (var f = 0; f < values.Length; f++) inputs[f][k] = values[f];
        }
        var layers = topology.Layers;
        for (var l = 1; l < layers.Length; l++)
        {
            var layer = layers[l];
            LayerMath.Forward(topology.Weights, layer.WeightOffset, layer.Bias,
                _out[l - 1], _out[l], layer.Activation, BatchKernels.Padded(n), l == layers.Length - 1 ? _logit : null);
        }
        _out[^1][0].AsSpan(0, n).CopyTo(output);
        if (!logit.IsEmpty) _logit.AsSpan(0, n).CopyTo(logit);
    }

    /// <summary>The data loss (of <paramref name="loss"/>) and accuracy of the network on <paramref name="data"/>; <paramref name="output"/> and <paramref name="logit"/> are scratch of at least its size.</summary>
    public (double Loss, double Accuracy) Measure(NetworkTopology topology, DataSet data, LossDefinition loss, double[] output, double[] logit)
    {
        var n = data.Count;
        Predict(topology, data.X0, data.X1, output.AsSpan(0, n), logit.AsSpan(0, n));
        var correct = 0;
        for (var k = 0; k < n; k++)
        {
            if (Classification.IsCorrect(output[k], data.Labels[k])) correct++;
        }
        return (loss.Sum(output.AsSpan(0, n), logit.AsSpan(0, n), data.Labels) / n, (double)correct / n);
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
        _logit = new double[_capacity];
    }
}
