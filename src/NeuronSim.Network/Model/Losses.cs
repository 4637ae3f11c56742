using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model;

/// <summary>The summed loss of a batch: sum over points of l(y_hat, y), from the outputs and (for stability) the output's net input z.</summary>
public delegate double LossSum(ReadOnlySpan<double> prediction, ReadOnlySpan<double> logit, ReadOnlySpan<double> labels);

/// <summary>
/// The output layer's delta dL/dz for a batch whose loss is the mean over <paramref name="n"/> points
/// (<paramref name="n"/> can be larger than the batch: an epoch's mean), written for the batch's points only.
/// </summary>
public delegate void LossOutputDelta(ReadOnlySpan<double> prediction, ReadOnlySpan<double> labels, int n, ActivationFn output, Span<double> delta);

/// <summary>One row of the loss table: the value beside its derivative.</summary>
/// <param name="Kind">The enum value in the training options.</param>
/// <param name="Name">The name on the command line, in presets and checkpoints.</param>
/// <param name="Sum">sum over points of the per-point loss.</param>
/// <param name="OutputDelta">dL/dz of the output neuron.</param>
/// <param name="RequiredOutput">The output activation the loss needs, if any.</param>
public sealed record LossDefinition(LossKind Kind, string Name, LossSum Sum, LossOutputDelta OutputDelta, Activation? RequiredOutput);

/// <summary>The loss table: the only place a loss is defined.</summary>
public static class Losses
{
    /// <summary>Every loss, the lab's first.</summary>
    public static readonly IReadOnlyList<LossDefinition> All =
    [
        // L = (1/n) sum (y_hat - y)^2;   dL/dz = 2 (y_hat - y) / n * f'(z)
        new(LossKind.Mse, "mse",
            (a, _, y) =>
            {
                double sum = 0;
                for (var s = 0; s < y.Length; s++) sum += (y[s] - a[s]) * (y[s] - a[s]);
                return sum;
            },
            (a, y, n, output, delta) =>
            {
                for (var s = 0; s < y.Length; s++) delta[s] = 2 * (a[s] - y[s]) / n;
                Activations.Of(output.Kind).Backward(a[..y.Length], delta[..y.Length], output.Leak);
            },
            null),
        // L = -(1/n) sum [y log sigma(z) + (1 - y) log(1 - sigma(z))] = (1/n) sum [max(z, 0) - z y + log(1 + e^-|z|)]
        //   (computed from the logit z, so a saturated sigmoid gives a finite, exact loss);   dL/dz = (sigma(z) - y) / n
        new(LossKind.Bce, "bce",
            (_, z, y) =>
            {
                double sum = 0;
                for (var s = 0; s < y.Length; s++) sum += Math.Max(z[s], 0) - z[s] * y[s] + Math.Log(1 + Math.Exp(-Math.Abs(z[s])));
                return sum;
            },
            (a, y, n, _, delta) =>
            {
                for (var s = 0; s < y.Length; s++) delta[s] = (a[s] - y[s]) / n;
            },
            Activation.Sigmoid),
    ];

    /// <summary>The accepted names, for error messages.</summary>
    public static string Expected => string.Join(" or ", All.Select(l => l.Name));

    private static readonly LossDefinition[] ByKind = All.OrderBy(l => (int)l.Kind).ToArray();

    /// <summary>The row of <paramref name="kind"/> (an array look-up: the loss systems call it every tick).</summary>
    public static LossDefinition Of(LossKind kind) => ByKind[(int)kind];

    /// <summary>Parses a loss name, or throws <see cref="ArgumentException"/> naming <paramref name="option"/> and the accepted names.</summary>
    public static LossKind Parse(string text, string option) =>
        All.FirstOrDefault(l => l.Name == text.Trim().ToLowerInvariant())?.Kind
        ?? throw new ArgumentException($"{option}: unknown loss '{text.Trim()}' (expected {Expected})");
}
