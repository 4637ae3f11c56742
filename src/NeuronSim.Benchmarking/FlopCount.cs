namespace NeuronSim.Benchmarking;

/// <summary>
/// Floating-point operations in one training epoch, counting each multiply-add as 2 and each
/// sigmoid as 3: forward sums, weight gradients and back-propagated deltas are one multiply-add
/// per weight per sample each (no delta below the first hidden layer), plus one sigmoid per
/// neuron per sample and one multiply-add per parameter for the update.
/// </summary>
public static class FlopCount
{
    /// <summary>FLOPs of one epoch of a network with <paramref name="layerSizes"/> on <paramref name="samples"/> points.</summary>
    public static double PerEpoch(IReadOnlyList<int> layerSizes, int samples)
    {
        double macs = 0, sigmoids = 0, parameters = 0;
        for (var l = 1; l < layerSizes.Count; l++)
        {
            var weights = (double)layerSizes[l] * layerSizes[l - 1];
            macs += weights * samples * (l == 1 ? 2 : 3);
            sigmoids += (double)layerSizes[l] * samples;
            parameters += weights + layerSizes[l];
        }
        return 2 * macs + 3 * sigmoids + 2 * parameters;
    }
}
