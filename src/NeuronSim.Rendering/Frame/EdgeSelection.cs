namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Which weights the graph draws as edges: per layer pair, the largest |w| up to a budget per pair,
/// so every pair (and the edges into the output) always shows however wide the network is. Pairs
/// whose layers are both wider than <see cref="HeatmapAbove"/> are drawn as a weight-matrix heatmap
/// instead and take no edge budget.
/// </summary>
public sealed class EdgeSelection
{
    /// <summary>Layer pairs where both layers have more neurons than this are drawn as a heatmap.</summary>
    public const int HeatmapAbove = 32;

    private const int Bins = 1024;
    private int[] _histogram = [];
    private double[] _max = [];

    /// <summary>Per layer pair: whether it is drawn as a heatmap.</summary>
    public bool[] Heatmap { get; private set; } = [];

    /// <summary>Per layer pair: the |w| from which its edges are drawn (0: all of them).</summary>
    public double[] Threshold { get; private set; } = [];

    /// <summary>Whether the pair from layer <paramref name="from"/> of <paramref name="sizes"/> to the next is drawn as a heatmap.</summary>
    public static bool IsHeatmap(IReadOnlyList<int> sizes, int from) => Math.Min(sizes[from], sizes[from + 1]) > HeatmapAbove;

    /// <summary>Chooses the edges of <paramref name="network"/> within <paramref name="budget"/> edges in all, shared evenly by the pairs drawn as edges.</summary>
    public void Choose(NetworkSnapshot network, int budget)
    {
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        var pairs = Math.Max(sizes.Length - 1, 0);
        Heatmap = Enumerable.Range(0, pairs).Select(p => IsHeatmap(sizes, p)).ToArray();
        Threshold = new double[pairs];
        var edgePairs = Heatmap.Count(h => !h);
        if (edgePairs == 0) return;
        var perPair = Math.Max(budget / edgePairs, 8);
        var counts = new int[pairs];
        if (_max.Length < pairs) _max = new double[pairs];
        Array.Clear(_max);
        for (var k = 0; k < network.EdgeCount; k++)
        {
            var pair = network.EdgeFromLayer[k];
            counts[pair]++;
            var m = Math.Abs(network.EdgeDrawn[k]);
            if (double.IsFinite(m) && m > _max[pair]) _max[pair] = m;
        }
        if (_histogram.Length < pairs * Bins) _histogram = new int[pairs * Bins];
        Array.Clear(_histogram);
        for (var k = 0; k < network.EdgeCount; k++)
        {
            var pair = network.EdgeFromLayer[k];
            if (counts[pair] <= perPair || Heatmap[pair] || _max[pair] == 0) continue;
            var m = Math.Abs(network.EdgeDrawn[k]);
            if (double.IsFinite(m)) _histogram[pair * Bins + (int)(m / _max[pair] * (Bins - 1))]++;
        }
        for (var pair = 0; pair < pairs; pair++)
        {
            if (Heatmap[pair] || counts[pair] <= perPair || _max[pair] == 0) continue;
            var kept = 0;
            for (var bin = Bins - 1; bin >= 0; bin--)
            {
                var inBin = _histogram[pair * Bins + bin];
                if (kept + inBin > perPair && kept > 0)
                {
                    Threshold[pair] = (bin + 1) * _max[pair] / (Bins - 1);
                    break;
                }
                kept += inBin;
            }
        }
    }

    /// <summary>Whether edge <paramref name="k"/> of <paramref name="network"/> is drawn as a line.</summary>
    public bool Draws(NetworkSnapshot network, int k)
    {
        var pair = network.EdgeFromLayer[k];
        if (Heatmap[pair]) return false;
        var m = Math.Abs(network.EdgeDrawn[k]);
        return Threshold[pair] == 0 || (double.IsFinite(m) && m >= Threshold[pair]);
    }
}
