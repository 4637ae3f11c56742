using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests.Oracle;

/// <summary>
/// The test oracle: the same training written as plain scalar loops, one point at a time, with its
/// own arithmetic for every activation, loss, optimizer, regularization and the mini-batch shuffle.
/// It shares no code with the systems it checks: only the starting weights are copied.
/// </summary>
internal sealed class PlainNetwork
{
    private readonly int[] _sizes;
    private readonly ActivationFn[] _f;
    private readonly double[][] _w, _b, _gw, _gb;
    private readonly double[][] _stateW1, _stateW2, _stateB1, _stateB2;
    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly TrainingOptions _options;
    private readonly int[] _order;
    private long _epoch;
    private readonly bool _bias;
    private long _t;

    public PlainNetwork(TrainingSimulation simulation)
    {
        var topology = simulation.Topology;
        topology.GatherParameters();
        _options = simulation.Options;
        _sizes = topology.Layers.Select(l => l.Size).ToArray();
        _f = topology.Layers.Select(l => l.Activation).ToArray();
        _w = topology.Layers.Select(l => topology.Weights.AsSpan(l.WeightOffset, l.WeightCount).ToArray()).ToArray();
        _bias = topology.Output.HasBias;
        _b = topology.Layers.Select(l => (double[])l.Bias.Clone()).ToArray();
        (_gw, _gb) = (Zeros(_w), Zeros(_b));
        (_stateW1, _stateW2, _stateB1, _stateB2) = (Zeros(_w), Zeros(_w), Zeros(_b), Zeros(_b));
        var data = simulation.Data;
        _x = Enumerable.Range(0, _sizes[0]).Select(i => data.Feature(i)).ToArray();
        _y = data.Labels;
        _order = Enumerable.Range(0, _y.Length).ToArray();
        // Batch orders continue from the simulation's epoch (0 for a new one), as its schedule's do.
        _epoch = simulation.Epoch;
    }

    public List<double> LossHistory { get; } = new();

    /// <summary>One epoch: every batch's forward pass, loss, backward pass and update.</summary>
    public void Step()
    {
        var n = _y.Length;
        var k = _options.BatchSize == 0 ? n : _options.BatchSize;
        if (k < n)
        {
            // Epoch e's order: 0..n-1 shuffled by Fisher-Yates with SplitMix64 seeded from (seed, e), as documented.
            for (var i = 0; i < n; i++) _order[i] = i;
            var state = (ulong)(uint)_options.ShuffleSeed * 0x9E3779B97F4A7C15UL ^ (ulong)_epoch * 0xD1B54A32D192ED03UL;
            for (var i = n - 1; i > 0; i--)
            {
                state += 0x9E3779B97F4A7C15UL;
                var z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                var j = (int)(((UInt128)z * (ulong)(i + 1)) >> 64);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }
        _epoch++;
        double epochLoss = 0;
        for (var start = 0; start < n; start += k)
        {
            var batch = _order.Skip(start).Take(k).ToArray();
            var batchLoss = Gradients(batch);
            epochLoss += batchLoss * batch.Length;
            Regularize();
            Update();
        }
        LossHistory.Add(epochLoss / n);
    }

    /// <summary>Mean loss of the batch; leaves dL/dw, dL/db in the gradient arrays.</summary>
    private double Gradients(int[] batch)
    {
        foreach (var g in _gw.Concat(_gb)) Array.Clear(g);
        var layers = _sizes.Length;
        double loss = 0;
        foreach (var p in batch)
        {
            var z = _sizes.Select(size => new double[size]).ToArray();
            var a = _sizes.Select(size => new double[size]).ToArray();
            for (var i = 0; i < _sizes[0]; i++) a[0][i] = _x[i][p];
            for (var l = 1; l < layers; l++)
            {
                for (var j = 0; j < _sizes[l]; j++)
                {
                    var sum = _bias ? _b[l][j] : 0.0;
                    for (var i = 0; i < _sizes[l - 1]; i++) sum += _w[l][j * _sizes[l - 1] + i] * a[l - 1][i];
                    z[l][j] = sum;
                    a[l][j] = F(_f[l], sum);
                }
            }
            var (zo, yo, y) = (z[^1][0], a[^1][0], _y[p]);
            var d = _sizes.Select(size => new double[size]).ToArray();
            if (_options.Loss == LossKind.Mse)
            {
                loss += (yo - y) * (yo - y);
                d[^1][0] = 2 * (yo - y) / batch.Length * DF(_f[^1], zo);
            }
            else
            {
                loss += Math.Max(zo, 0) - zo * y + Math.Log(1 + Math.Exp(-Math.Abs(zo)));
                d[^1][0] = (yo - y) / batch.Length;
            }
            for (var l = layers - 1; l >= 1; l--)
            {
                for (var j = 0; j < _sizes[l]; j++)
                {
                    if (_bias) _gb[l][j] += d[l][j];
                    for (var i = 0; i < _sizes[l - 1]; i++) _gw[l][j * _sizes[l - 1] + i] += d[l][j] * a[l - 1][i];
                }
                if (l == 1) continue;
                for (var i = 0; i < _sizes[l - 1]; i++)
                {
                    double sum = 0;
                    for (var j = 0; j < _sizes[l]; j++) sum += _w[l][j * _sizes[l - 1] + i] * d[l][j];
                    d[l - 1][i] = sum * DF(_f[l - 1], z[l - 1][i]);
                }
            }
        }
        return loss / batch.Length;
    }

    private void Regularize()
    {
        for (var l = 0; l < _w.Length; l++)
        {
            for (var q = 0; q < _w[l].Length; q++) _gw[l][q] += _options.L2 * _w[l][q] + _options.L1 * Math.Sign(_w[l][q]);
        }
    }

    private void Update()
    {
        _t++;
        for (var l = 0; l < _w.Length; l++)
        {
            for (var q = 0; q < _w[l].Length; q++) _w[l][q] = Apply(_w[l][q], _gw[l][q], ref _stateW1[l][q], ref _stateW2[l][q]);
            if (!_bias) continue;
            for (var q = 0; q < _b[l].Length; q++) _b[l][q] = Apply(_b[l][q], _gb[l][q], ref _stateB1[l][q], ref _stateB2[l][q]);
        }
    }

    /// <summary>torch.optim's rules, written out.</summary>
    private double Apply(double w, double g, ref double s1, ref double s2)
    {
        var o = _options.Optimizer;
        var lr = _options.LearningRate;
        switch (o.Kind)
        {
            case OptimizerKind.Sgd:
                return w - lr * g;
            case OptimizerKind.Momentum:
                s1 = o.Momentum * s1 + g;
                return w - lr * s1;
            case OptimizerKind.Nesterov:
                s1 = o.Momentum * s1 + g;
                return w - lr * (g + o.Momentum * s1);
            case OptimizerKind.RmsProp:
                s2 = o.Alpha * s2 + (1 - o.Alpha) * g * g;
                return w - lr * g / (Math.Sqrt(s2) + o.Eps);
            default:
                s1 = o.Beta1 * s1 + (1 - o.Beta1) * g;
                s2 = o.Beta2 * s2 + (1 - o.Beta2) * g * g;
                var mHat = s1 / (1 - Math.Pow(o.Beta1, _t));
                var vHat = s2 / (1 - Math.Pow(o.Beta2, _t));
                return w - lr * mHat / (Math.Sqrt(vHat) + o.Eps);
        }
    }

    private static double F(ActivationFn f, double z) => f.Kind switch
    {
        Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        Activation.Tanh => Math.Tanh(z),
        Activation.Relu => Math.Max(0, z),
        Activation.LeakyRelu => z > 0 ? z : f.Leak * z,
        _ => z,
    };

    private static double DF(ActivationFn f, double z) => f.Kind switch
    {
        Activation.Sigmoid => F(f, z) * (1 - F(f, z)),
        Activation.Tanh => 1 - Math.Tanh(z) * Math.Tanh(z),
        Activation.Relu => z > 0 ? 1 : 0,
        Activation.LeakyRelu => z > 0 ? 1 : f.Leak,
        _ => 1,
    };

    private static double[][] Zeros(double[][] like) => like.Select(a => new double[a.Length]).ToArray();
}
