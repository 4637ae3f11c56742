using System.Numerics.Tensors;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model.Kernels;

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
    /// row-major matrix at <paramref name="offset"/>; an empty <paramref name="bias"/> means no bias. When <paramref name="logit"/> is given
    /// (the output layer), the first neuron's z is copied there before f is applied; otherwise f is
    /// applied inside the product, to each row as soon as it is complete.
    /// </summary>
    public static void Forward(
        double[] weights, int offset, double[] bias, double[][] inputs,
        double[][] output, ActivationFn activation, int samples, double[]? logit = null)
    {
        if (logit is null)
        {
            BatchKernels.WeightedSums(weights, offset, inputs.Length, 1, inputs, output, bias, samples, RowFinish.Activate(activation));
            return;
        }
        BatchKernels.WeightedSums(weights, offset, inputs.Length, 1, inputs, output, bias, samples);
        output[0].AsSpan(0, samples).CopyTo(logit);
        foreach (var a in output) Activate(activation, a.AsSpan(0, samples), a.AsSpan(0, samples));
    }

    /// <summary>a = f(z) from the activation table; <paramref name="a"/> may be <paramref name="z"/> itself.</summary>
    public static void Activate(ActivationFn activation, ReadOnlySpan<double> z, Span<double> a) =>
        Activations.Of(activation.Kind).Forward(z, a, activation.Leak);

    /// <summary>dL/dw_ji = sum_s delta_j a_i and dL/db_j = sum_s delta_j (an empty <paramref name="biasGrads"/>: no bias).</summary>
    public static void Gradients(double[][] delta, double[][] inputs, double[] weightGrads, int offset, double[] biasGrads, int samples)
    {
        BatchKernels.GradientDots(delta, inputs, weightGrads, offset, samples);
        for (var j = 0; j < biasGrads.Length; j++) biasGrads[j] = TensorPrimitives.Sum(delta[j].AsSpan(0, samples));
    }

    /// <summary>
    /// The previous layer's delta_i = (sum_j w_ji delta_j) f'(z_i), written into <paramref name="inputDelta"/>
    /// (one vector per input neuron); f' is taken through that layer's outputs <paramref name="inputs"/> = f(z)
    /// and applied inside the product, to each row as soon as it is complete.
    /// </summary>
    public static void BackpropagateDelta(double[] weights, int offset, double[][] delta, double[][] inputDelta,
        ActivationFn inputActivation, double[][] inputs, int samples) =>
        BatchKernels.WeightedSums(weights, offset, 1, inputDelta.Length, delta, inputDelta, [], samples, RowFinish.Derivative(inputActivation, inputs));
}
