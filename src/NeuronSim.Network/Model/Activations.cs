using System.Numerics.Tensors;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model;

/// <summary>f: a = f(z) over a batch; <paramref name="a"/> may be <paramref name="z"/> itself.</summary>
public delegate void ActivationForward(ReadOnlySpan<double> z, Span<double> a, double leak);

/// <summary>f': delta *= f'(z), with f' written through the output a = f(z).</summary>
public delegate void ActivationBackward(ReadOnlySpan<double> a, Span<double> delta, double leak);

/// <summary>One row of the activation table: the name users type, the function and its derivative side by side, the range of outputs for display.</summary>
/// <param name="Kind">The enum value stored in <see cref="ActivationFn"/>.</param>
/// <param name="Name">The name on the command line, in presets and checkpoints.</param>
/// <param name="Forward">a = f(z).</param>
/// <param name="Backward">delta *= f'(z), through a.</param>
/// <param name="Range">The output range (min, max) for colour scales; null when unbounded (scale by what is seen).</param>
public sealed record ActivationDefinition(Activation Kind, string Name, ActivationForward Forward, ActivationBackward Backward, (double Min, double Max)? Range);

/// <summary>
/// The activation table: the only place an activation is defined. Each backward rule sits beside
/// its forward formula and is written through the output a = f(z) (the net input is not stored).
/// </summary>
public static class Activations
{
    /// <summary>Every activation, in the order users see them.</summary>
    public static readonly IReadOnlyList<ActivationDefinition> All =
    [
        // sigma(z) = 1 / (1 + e^-z);   sigma'(z) = a (1 - a)
        new(Activation.Sigmoid, "sigmoid",
            (z, a, _) => Kernels.SigmoidKernel.Apply(z, a),
            (a, delta, _) => Kernels.DerivativeKernels.Sigmoid(a, delta),
            (0, 1)),
        // tanh(z);   tanh'(z) = 1 - a^2
        new(Activation.Tanh, "tanh",
            (z, a, _) => TensorPrimitives.Tanh(z, a),
            (a, delta, _) => Kernels.DerivativeKernels.Tanh(a, delta),
            (-1, 1)),
        // max(0, z);   1 where z > 0 (exactly where a > 0), else 0
        new(Activation.Relu, "relu",
            (z, a, _) => TensorPrimitives.Max(z, 0.0, a),
            (a, delta, _) => { for (var s = 0; s < delta.Length; s++) delta[s] = a[s] > 0 ? delta[s] : 0; },
            null),
        // z where z > 0, else leak z;   1 where z > 0 (exactly where a > 0 for leak >= 0), else leak
        new(Activation.LeakyRelu, "leaky-relu",
            (z, a, leak) => { for (var s = 0; s < a.Length; s++) a[s] = z[s] > 0 ? z[s] : leak * z[s]; },
            (a, delta, leak) => { for (var s = 0; s < delta.Length; s++) delta[s] = a[s] > 0 ? delta[s] : leak * delta[s]; },
            null),
        // z;   1 (the lab's "no activation")
        new(Activation.Identity, "identity",
            (z, a, _) => z.CopyTo(a),
            (_, _, _) => { },
            null),
    ];

    /// <summary>Other names accepted on input ("none" is the lab's "no activation").</summary>
    private static readonly Dictionary<string, Activation> Aliases = new() { ["none"] = Activation.Identity, ["leakyrelu"] = Activation.LeakyRelu, ["leaky_relu"] = Activation.LeakyRelu };

    private static readonly ActivationDefinition[] ByKind = All.OrderBy(d => (int)d.Kind).ToArray();

    /// <summary>The accepted names, for error messages: "sigmoid, tanh, relu, leaky-relu or identity".</summary>
    public static string Expected => string.Join(", ", All.SkipLast(1).Select(d => d.Name)) + " or " + All[^1].Name;

    /// <summary>The row of <paramref name="kind"/>.</summary>
    public static ActivationDefinition Of(Activation kind) => ByKind[(int)kind];

    /// <summary>The name of <paramref name="kind"/> as users type it.</summary>
    public static string NameOf(Activation kind) => Of(kind).Name;

    /// <summary>Parses a name from the table (or an alias), ignoring case and spaces.</summary>
    public static bool TryParse(string text, out Activation activation)
    {
        var name = text.Trim().ToLowerInvariant();
        var row = All.FirstOrDefault(d => d.Name == name);
        if (row is not null) { activation = row.Kind; return true; }
        return Aliases.TryGetValue(name, out activation);
    }

    /// <summary>Parses a name, or throws <see cref="ArgumentException"/> naming <paramref name="option"/> and the accepted names.</summary>
    public static Activation Parse(string text, string option) => TryParse(text, out var activation)
        ? activation
        : throw new ArgumentException($"{option}: unknown activation '{text.Trim()}' (expected {Expected})");
}
