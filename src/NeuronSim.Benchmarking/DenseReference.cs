using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Benchmarking;

/// <summary>
/// The yardstick: the same network trained with plain double[] matrices and simple scalar
/// loops, no ECS and no vectors. Used as the correctness oracle of the ECS systems and as the
/// dense baseline of the speed ratios.
/// </summary>
public sealed class DenseReference
{
    private readonly int[] _sizes;
    private readonly Activation[] _activations;
    private readonly double[][] _w;
    private readonly double[][] _b;
    private readonly double[][] _gw;
    private readonly double[][] _gb;
    private readonly double[][] _z;
    private readonly double[][] _a;
    private readonly double[][] _d;
    private readonly DataSet _data;
    private readonly double _lr;

    /// <summary>A copy of <paramref name="simulation"/>'s network with its current weights, on its data.</summary>
    public DenseReference(TrainingSimulation simulation)
    {
        var topology = simulation.Topology;
        topology.GatherParameters();
        _data = simulation.Data;
        _lr = simulation.Options.LearningRate;
        _sizes = topology.Layers.Select(l => l.Size).ToArray();
        _activations = topology.Layers.Select(l => l.Activation.Kind).ToArray();
        var n = _data.Count;
        _w = topology.Layers.Select(l => topology.Weights.AsSpan(l.WeightOffset, l.WeightCount).ToArray()).ToArray();
        _b = topology.Layers.Select(l => l.HasBias ? (double[])l.Bias.Clone() : []).ToArray();
        _gw = _w.Select(w => new double[w.Length]).ToArray();
        _gb = _b.Select(b => new double[b.Length]).ToArray();
        _z = _sizes.Select(size => new double[size * n]).ToArray();
        _a = _sizes.Select(size => new double[size * n]).ToArray();
        _d = _sizes.Select(size => new double[size * n]).ToArray();
        for (var s = 0; s < n; s++)
        {
            _a[0][s] = _data.X0[s];
            _a[0][n + s] = _data.X1[s];
        }
    }

    /// <summary>The loss of every epoch so far.</summary>
    public List<double> LossHistory { get; } = new();

    /// <summary>One epoch of full-batch gradient descent; returns the loss before the update.</summary>
    public double Step()
    {
        var n = _data.Count;
        var last = _sizes.Length - 1;
        for (var l = 1; l <= last; l++)
        {
            var (fanIn, w, b, z, a, input) = (_sizes[l - 1], _w[l], _b[l], _z[l], _a[l], _a[l - 1]);
            for (var j = 0; j < _sizes[l]; j++)
            {
                for (var s = 0; s < n; s++)
                {
                    var sum = b.Length > 0 ? b[j] : 0;
                    for (var i = 0; i < fanIn; i++) sum += w[j * fanIn + i] * input[i * n + s];
                    z[j * n + s] = sum;
                    a[j * n + s] = Activate(_activations[l], sum);
                }
            }
        }
        double loss = 0;
        for (var s = 0; s < n; s++)
        {
            var error = _a[last][s] - _data.Labels[s];
            loss += error * error;
            _d[last][s] = 2 * error / n * Derivative(_activations[last], _z[last][s], _a[last][s]);
        }
        loss /= n;
        for (var l = last; l >= 1; l--)
        {
            var (fanIn, w, d, input) = (_sizes[l - 1], _w[l], _d[l], _a[l - 1]);
            for (var j = 0; j < _sizes[l]; j++)
            {
                for (var i = 0; i < fanIn; i++)
                {
                    double g = 0;
                    for (var s = 0; s < n; s++) g += d[j * n + s] * input[i * n + s];
                    _gw[l][j * fanIn + i] = g;
                }
                if (_gb[l].Length > 0)
                {
                    double g = 0;
                    for (var s = 0; s < n; s++) g += d[j * n + s];
                    _gb[l][j] = g;
                }
            }
            if (l == 1) continue;
            for (var i = 0; i < fanIn; i++)
            {
                for (var s = 0; s < n; s++)
                {
                    double sum = 0;
                    for (var j = 0; j < _sizes[l]; j++) sum += w[j * fanIn + i] * d[j * n + s];
                    _d[l - 1][i * n + s] = sum * Derivative(_activations[l - 1], _z[l - 1][i * n + s], _a[l - 1][i * n + s]);
                }
            }
        }
        for (var l = 1; l <= last; l++)
        {
            for (var k = 0; k < _w[l].Length; k++) _w[l][k] -= _lr * _gw[l][k];
            for (var k = 0; k < _b[l].Length; k++) _b[l][k] -= _lr * _gb[l][k];
        }
        LossHistory.Add(loss);
        return loss;
    }

    private static double Activate(Activation activation, double z) => activation switch
    {
        Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        Activation.Tanh => Math.Tanh(z),
        Activation.Relu => Math.Max(0, z),
        _ => z,
    };

    private static double Derivative(Activation activation, double z, double a) => activation switch
    {
        Activation.Sigmoid => a * (1 - a),
        Activation.Tanh => 1 - a * a,
        Activation.Relu => z > 0 ? 1 : 0,
        _ => 1,
    };
}
