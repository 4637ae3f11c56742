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
    /// <summary>
    /// z_j = b_j + sum_i w_ji a_i and a_j = f(z_j) for every neuron j of the layer, over
    /// <paramref name="samples"/> (padded) samples. <paramref name="weights"/> holds the layer's
    /// row-major matrix at <paramref name="offset"/>; an empty <paramref name="bias"/> means no bias.
    /// </summary>
    public static void Forward(
        double[] weights, int offset, double[] bias, double[][] inputs,
        double[][] output, Activation activation, int samples)
    {
        BatchKernels.WeightedSums(weights, offset, inputs.Length, 1, inputs, output, bias, samples);
        foreach (var a in output) Activate(activation, a.AsSpan(0, samples), a.AsSpan(0, samples));
    }

    /// <summary>a = f(z); <paramref name="a"/> may be <paramref name="z"/> itself.</summary>
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

    /// <summary>delta = delta * f'(z), with f' written through the output a = f(z).</summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<double> a, Span<double> delta)
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
                // relu'(z) = 1 for z > 0, and z > 0 exactly when a = max(0, z) > 0
                for (var s = 0; s < delta.Length; s++) delta[s] = a[s] > 0 ? delta[s] : 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>dL/dw_ji = sum_s delta_j a_i and dL/db_j = sum_s delta_j (an empty <paramref name="biasGrads"/>: no bias).</summary>
    public static void Gradients(double[][] delta, double[][] inputs, double[] weightGrads, int offset, double[] biasGrads, int samples)
    {
        BatchKernels.GradientDots(delta, inputs, weightGrads, offset, samples);
        for (var j = 0; j < biasGrads.Length; j++) biasGrads[j] = TensorPrimitives.Sum(delta[j].AsSpan(0, samples));
    }

    /// <summary>dL/da_i = sum_j w_ji delta_j, written into <paramref name="inputDelta"/> (one vector per input neuron).</summary>
    public static void BackpropagateDelta(double[] weights, int offset, double[][] delta, double[][] inputDelta, int samples) =>
        BatchKernels.WeightedSums(weights, offset, 1, inputDelta.Length, delta, inputDelta, [], samples);
}
