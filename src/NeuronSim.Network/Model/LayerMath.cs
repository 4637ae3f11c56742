using System.Numerics.Tensors;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model;

/// <summary>
/// The equations of one layer, over a batch of samples stored as one vector per neuron.
/// Forward: z_j = b_j + sum_i w_ji a_i, a_j = f(z_j).
/// Backward: delta_j = dL/dz_j; dL/dw_ji = sum_s delta_j a_i; dL/db_j = sum_s delta_j;
/// dL/da_i = sum_j w_ji delta_j. Weights are row-major: w_ji at j * fanIn + i.
/// </summary>
public static class LayerMath
{
    /// <summary>z_j = b_j + sum_i w_ji a_i and a_j = f(z_j) for every neuron j of the layer.</summary>
    public static void Forward(
        ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, double[][] inputs,
        double[][] net, double[][] output, Activation activation, int samples)
    {
        var fanIn = inputs.Length;
        for (var j = 0; j < net.Length; j++)
        {
            var z = net[j].AsSpan(0, samples);
            z.Fill(bias.IsEmpty ? 0 : bias[j]);
            var w = weights.Slice(j * fanIn, fanIn);
            for (var i = 0; i < fanIn; i++)
            {
                TensorPrimitives.MultiplyAdd(inputs[i].AsSpan(0, samples), w[i], z, z);
            }
            Activate(activation, z, output[j].AsSpan(0, samples));
        }
    }

    /// <summary>a = f(z).</summary>
    public static void Activate(Activation activation, ReadOnlySpan<double> z, Span<double> a)
    {
        switch (activation)
        {
            case Activation.Sigmoid: TensorPrimitives.Sigmoid(z, a); break;
            case Activation.Identity: z.CopyTo(a); break;
            case Activation.Tanh: TensorPrimitives.Tanh(z, a); break;
            case Activation.Relu: TensorPrimitives.Max(z, 0.0, a); break;
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>delta = delta * f'(z), with f' written through the output a where that is cheaper.</summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<double> z, ReadOnlySpan<double> a, Span<double> delta)
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                // sigma'(z) = sigma(z) (1 - sigma(z)) = a (1 - a)
                for (var s = 0; s < delta.Length; s++) delta[s] *= a[s] * (1 - a[s]);
                break;
            case Activation.Identity:
                break;
            case Activation.Tanh:
                for (var s = 0; s < delta.Length; s++) delta[s] *= 1 - a[s] * a[s];
                break;
            case Activation.Relu:
                for (var s = 0; s < delta.Length; s++) delta[s] = z[s] > 0 ? delta[s] : 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>dL/dw_ji = sum_s delta_j a_i and dL/db_j = sum_s delta_j.</summary>
    public static void Gradients(
        double[][] delta, double[][] inputs, Span<double> weightGrads, Span<double> biasGrads, int samples)
    {
        var fanIn = inputs.Length;
        for (var j = 0; j < delta.Length; j++)
        {
            var d = delta[j].AsSpan(0, samples);
            var g = weightGrads.Slice(j * fanIn, fanIn);
            for (var i = 0; i < fanIn; i++) g[i] = TensorPrimitives.Dot(d, inputs[i].AsSpan(0, samples));
            if (!biasGrads.IsEmpty) biasGrads[j] = TensorPrimitives.Sum(d);
        }
    }

    /// <summary>dL/da_i = sum_j w_ji delta_j, written into <paramref name="inputDelta"/> (one vector per input neuron).</summary>
    public static void BackpropagateDelta(
        ReadOnlySpan<double> weights, double[][] delta, double[][] inputDelta, int samples)
    {
        var fanIn = inputDelta.Length;
        for (var i = 0; i < fanIn; i++)
        {
            var di = inputDelta[i].AsSpan(0, samples);
            di.Clear();
            for (var j = 0; j < delta.Length; j++)
            {
                TensorPrimitives.MultiplyAdd(delta[j].AsSpan(0, samples), weights[j * fanIn + i], di, di);
            }
        }
    }
}
