using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;

namespace NeuronSim.Network.Training;

/// <summary>
/// What training a network on a number of points will take in memory, worked out before anything
/// is built, so a run that cannot fit is refused up front with both numbers instead of failing
/// half way (or taking the machine down).
/// </summary>
public static class MemoryEstimate
{
    /// <summary>Bytes held per weight entity: its chunk row and entity slot (52 B), its dense value and gradient, its flat index and handle.</summary>
    private const long BytesPerWeight = 52 + 16 + 4 + 8;

    /// <summary>Bytes <paramref name="spec"/> trained on <paramref name="points"/> points with <paramref name="options"/> needs, roughly (within about 20%).</summary>
    public static long Bytes(NetworkSpec spec, long points, TrainingOptions options)
    {
        var sizes = spec.LayerSizes;
        long neurons = sizes.Sum();
        long weights = 0;
        for (var l = 1; l < sizes.Length; l++) weights += (long)sizes[l] * sizes[l - 1];
        var padded = (points + BatchKernels.PaddingBlock - 1) / BatchKernels.PaddingBlock * BatchKernels.PaddingBlock;
        var optimizerState = options.Optimizer.Kind switch
        {
            OptimizerKind.Sgd => 0,
            OptimizerKind.Adam => 16,
            _ => 8,
        };
        var neuronState = neurons * 2 * padded * 8;              // a and delta per neuron and point
        var predictor = neurons * padded * 8;                    // the predictor's own forward pass (evaluation, test set)
        var data = points * (spec.Inputs + 1) * 8 * 3;           // points, features and labels, the batch copy
        var history = 2 * EpochHistory.ExactEpochs * 8L;
        return neuronState + predictor + data + weights * (BytesPerWeight + optimizerState) + history;
    }

    /// <summary>The memory this process may use: the machine's or the container's limit, as the runtime sees it.</summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming both numbers when the run would need more than
    /// 80% of the memory available.
    /// </summary>
    public static void Check(NetworkSpec spec, long points, TrainingOptions options)
    {
        var need = Bytes(spec, points, options);
        var available = Available;
        if (need > available * 0.8)
        {
            throw new ArgumentException($"a {string.Join('-', spec.LayerSizes)} network on {Numbers.Count(points)} points needs about {Gigabytes(need)} of memory, "
                + $"more than the {Gigabytes(available)} available: use fewer --points or smaller --hidden layers");
        }
    }

    private static string Gigabytes(long bytes) => Numbers.Compact(bytes / 1e9) + " GB";
}
