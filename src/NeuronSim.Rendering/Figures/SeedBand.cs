using NeuronSim.Experiments.Runs;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// The learning curves of one setting over several seeds, reduced to what a figure can show: at
/// each stored epoch the median, lowest and highest log10 loss of the seeds still training then.
/// </summary>
/// <param name="Epochs">The epochs, increasing.</param>
/// <param name="Median">The median log10 loss at each epoch.</param>
/// <param name="Low">The lowest log10 loss at each epoch.</param>
/// <param name="High">The highest log10 loss at each epoch.</param>
public sealed record SeedBand(double[] Epochs, double[] Median, double[] Low, double[] High)
{
    /// <summary>The band of <paramref name="runs"/> (their sparse curves share epochs, as <see cref="LossCurve"/> keeps them).</summary>
    public static SeedBand Of(IReadOnlyList<RunResult> runs)
    {
        var curves = runs.Select(r => r.Curve.Epochs.Zip(r.Curve.Losses).ToDictionary(p => p.First, p => Math.Log10(Math.Max(p.Second, 1e-300)))).ToList();
        var epochs = curves.SelectMany(c => c.Keys).Distinct().Order().ToArray();
        var median = new double[epochs.Length];
        var low = new double[epochs.Length];
        var high = new double[epochs.Length];
        for (var i = 0; i < epochs.Length; i++)
        {
            var values = curves.Where(c => c.ContainsKey(epochs[i])).Select(c => c[epochs[i]]).Order().ToList();
            var n = values.Count;
            median[i] = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            low[i] = values[0];
            high[i] = values[^1];
        }
        return new SeedBand(epochs.Select(e => (double)e).ToArray(), median, low, high);
    }
}
