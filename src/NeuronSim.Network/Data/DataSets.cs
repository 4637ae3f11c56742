namespace NeuronSim.Network.Data;

/// <summary>The lab's data generators.</summary>
public static class DataSets
{
    /// <summary>The names <see cref="ByName"/> knows.</summary>
    public static readonly string[] Names = ["xor", "linear"];

    /// <summary>
    /// <paramref name="n"/> points uniform in [0,1]^2; label 0 if x0 &gt; x1, else 1.
    /// </summary>
    public static DataSet Linear(int n = 100, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var random = new Random(seed);
        var x0 = new double[n];
        var x1 = new double[n];
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            x0[i] = random.NextDouble();
            x1[i] = random.NextDouble();
            labels[i] = x0[i] > x1[i] ? 0 : 1;
        }
        return new DataSet("linear", x0, x1, labels);
    }

    /// <summary>
    /// The lab's "XOR easy": for i = 0..10 the point (0.1i, 0.1i) with label 0 and, unless
    /// i == 5 (the centre), the point (0.1i, 1 - 0.1i) with label 1. 21 points.
    /// </summary>
    public static DataSet Xor()
    {
        var x0 = new List<double>();
        var x1 = new List<double>();
        var labels = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            x0.Add(0.1 * i);
            x1.Add(0.1 * i);
            labels.Add(0);
            if (i == 5) continue;
            x0.Add(0.1 * i);
            x1.Add(1 - 0.1 * i);
            labels.Add(1);
        }
        return new DataSet("xor", [.. x0], [.. x1], [.. labels]);
    }

    /// <summary>The data set called <paramref name="name"/> ("xor" or "linear").</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static DataSet ByName(string name, int linearPoints = 100, int seed = 1) => name.ToLowerInvariant() switch
    {
        "xor" => Xor(),
        "linear" => Linear(linearPoints, seed),
        _ => throw new ArgumentException($"unknown data set '{name}' (expected {string.Join(" or ", Names)})"),
    };
}
