using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// What a weighted sum does to its output rows once they are complete, on the core that computed
/// them and while they are still in its cache: nothing; a = f(z) (the forward pass); or
/// delta_i *= f'(z_i) written through the rows a_i = f(z_i) of <see cref="Through"/> (the backward pass).
/// </summary>
/// <param name="Definition">The activation's row of the table, or null for nothing.</param>
/// <param name="Leak">The leaky ReLU's slope.</param>
/// <param name="Through">The outputs a = f(z) whose derivative multiplies the rows, or null to apply f itself.</param>
public readonly record struct RowFinish(ActivationDefinition? Definition, double Leak, double[][]? Through)
{
    /// <summary>
    /// What a finish costs per value, in a product's multiply-adds, when deciding to split a product
    /// (measured: the sigmoid takes 1.2 ns per value, a tiled multiply-add about 0.04 ns).
    /// </summary>
    public const int Cost = 30;

    /// <summary>Leave the weighted sums as they are.</summary>
    public static RowFinish None => default;

    /// <summary>Replace each weighted sum z by a = f(z).</summary>
    public static RowFinish Activate(ActivationFn activation) =>
        activation.Kind == Activation.Identity ? None : new(Activations.Of(activation.Kind), activation.Leak, null);

    /// <summary>Multiply each row i by f'(z_i), through the outputs a_i = <paramref name="outputs"/>[i].</summary>
    public static RowFinish Derivative(ActivationFn activation, double[][] outputs) =>
        activation.Kind == Activation.Identity ? None : new(Activations.Of(activation.Kind), activation.Leak, outputs);

    /// <summary>Applies the finish to rows [<paramref name="r0"/>, <paramref name="r1"/>) over <paramref name="samples"/> samples.</summary>
    public void Apply(double[][] rows, int r0, int r1, int samples)
    {
        if (Definition is null) return;
        for (var r = r0; r < r1; r++)
        {
            var row = rows[r].AsSpan(0, samples);
            if (Through is null) Definition.Forward(row, row, Leak);
            else Definition.Backward(Through[r].AsSpan(0, samples), row, Leak);
        }
    }
}
