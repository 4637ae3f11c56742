using NeuronSim.Network.Components;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// What a neuron's fill means: the activation's output range mapped from dark (low) to white (high).
/// Sigmoid and tanh have a fixed range; ReLU and identity (unbounded) use the range observed in the frame.
/// </summary>
public static class ActivationScale
{
    /// <summary>The output range of <paramref name="kind"/> when it is bounded (sigmoid [0, 1], tanh [-1, 1]); null when it is not (ReLU, identity: use what is observed).</summary>
    public static (double Low, double High)? Range(Activation kind) => kind switch
    {
        Activation.Sigmoid => (0, 1),
        Activation.Tanh => (-1, 1),
        _ => null,
    };

    /// <summary>Where <paramref name="value"/> lies in [<paramref name="low"/>, <paramref name="high"/>], clamped to [0, 1] (NaN when it is not finite).</summary>
    public static double Position(double value, double low, double high) =>
        !double.IsFinite(value) ? double.NaN : high > low ? Math.Clamp((value - low) / (high - low), 0, 1) : 0.5;
}
