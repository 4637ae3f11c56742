using System.Numerics;
using System.Runtime.InteropServices;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// delta *= f'(z) for the smooth activations, written through a = f(z), as vector loops: the same
/// operations in the same order as the scalar formula in the comment, so the same result.
/// </summary>
public static class DerivativeKernels
{
    /// <summary>delta *= a (1 - a): the sigmoid's derivative.</summary>
    public static void Sigmoid(ReadOnlySpan<double> a, Span<double> delta)
    {
        var s = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var av = MemoryMarshal.Cast<double, Vector<double>>(a[..delta.Length]);
            var dv = MemoryMarshal.Cast<double, Vector<double>>(delta);
            for (var v = 0; v < dv.Length; v++) dv[v] *= av[v] * (Vector<double>.One - av[v]);
            s = dv.Length * Vector<double>.Count;
        }
        for (; s < delta.Length; s++) delta[s] *= a[s] * (1 - a[s]);
    }

    /// <summary>delta *= 1 - a^2: tanh's derivative.</summary>
    public static void Tanh(ReadOnlySpan<double> a, Span<double> delta)
    {
        var s = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var av = MemoryMarshal.Cast<double, Vector<double>>(a[..delta.Length]);
            var dv = MemoryMarshal.Cast<double, Vector<double>>(delta);
            for (var v = 0; v < dv.Length; v++) dv[v] *= Vector<double>.One - av[v] * av[v];
            s = dv.Length * Vector<double>.Count;
        }
        for (; s < delta.Length; s++) delta[s] *= 1 - a[s] * a[s];
    }
}
