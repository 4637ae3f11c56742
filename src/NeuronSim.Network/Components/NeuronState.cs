namespace NeuronSim.Network.Components;

/// <summary>
/// A neuron's per-sample state for the whole batch, one entry per data point:
/// net input z, output a = f(z), and delta = dL/dz from back-propagation.
/// </summary>
public struct NeuronState
{
    /// <summary>Net input z per sample (unused on input neurons).</summary>
    public double[] Net;

    /// <summary>Output a = f(z) per sample; for input neurons, the input feature.</summary>
    public double[] Out;

    /// <summary>dL/dz per sample.</summary>
    public double[] Delta;

    /// <summary>State vectors for a batch of <paramref name="samples"/> points.</summary>
    public static NeuronState ForBatch(int samples) => new()
    {
        Net = new double[samples],
        Out = new double[samples],
        Delta = new double[samples],
    };
}
