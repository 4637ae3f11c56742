namespace NeuronSim.Network.Components;

/// <summary>
/// A neuron's per-sample state for the whole batch, one entry per data point:
/// output a = f(z) (the net input z is computed in place: every derivative used here is a function
/// of a), and delta = dL/dz from back-propagation. Entries past the
/// batch size are padding: their deltas stay zero, so they add nothing to any gradient.
/// </summary>
public struct NeuronState
{
    /// <summary>How many samples the batch has; the vectors are longer (padding).</summary>
    public int Samples;

    /// <summary>Output a = f(z) per sample; for input neurons, the input feature.</summary>
    public double[] Out;

    /// <summary>dL/dz per sample.</summary>
    public double[] Delta;

    /// <summary>
    /// State vectors for a batch of <paramref name="samples"/> points, padded with zeros to a
    /// multiple of <see cref="Model.BatchKernels.PaddingBlock"/> so the vector loops need no tail (the
    /// arrays may be up to 7 doubles longer still), each starting a cache line so no vector load
    /// straddles two.
    /// </summary>
    public static NeuronState ForBatch(int samples)
    {
        var padded = Model.BatchKernels.Padded(samples);
        return new NeuronState { Samples = samples, Out = Model.Kernels.CacheLines.NewArray(padded), Delta = Model.Kernels.CacheLines.NewArray(padded) };
    }
}
