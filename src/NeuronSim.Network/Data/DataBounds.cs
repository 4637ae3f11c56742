namespace NeuronSim.Network.Data;

/// <summary>
/// The input domain of a data set: the rectangle plots, heatmaps and prediction grids cover.
/// </summary>
/// <param name="MinX0">Left edge (smallest x0).</param>
/// <param name="MaxX0">Right edge (largest x0).</param>
/// <param name="MinX1">Bottom edge (smallest x1).</param>
/// <param name="MaxX1">Top edge (largest x1).</param>
public readonly record struct DataBounds(double MinX0, double MaxX0, double MinX1, double MaxX1)
{
    /// <summary>The margin added on each side of the points' extent, as a fraction of that extent (5%).</summary>
    public const double Margin = 0.05;

    /// <summary>The lab's domain, exactly [0,1]^2 (its pictures are drawn on it).</summary>
    public static DataBounds UnitSquare { get; } = new(0, 1, 0, 1);

    /// <summary>Width of the domain (x0 extent).</summary>
    public double Width => MaxX0 - MinX0;

    /// <summary>Height of the domain (x1 extent).</summary>
    public double Height => MaxX1 - MinX1;

    /// <summary>Whether (x0, x1) lies inside the domain, edges included.</summary>
    public bool Contains(double x0, double x1) => x0 >= MinX0 && x0 <= MaxX0 && x1 >= MinX1 && x1 <= MaxX1;

    /// <summary>
    /// The points' extent plus <see cref="Margin"/> of it on each side. An axis on which every
    /// point has the same value gets half a unit on each side, so the domain is never empty.
    /// </summary>
    /// <exception cref="ArgumentException">No points, or a coordinate is NaN or infinite.</exception>
    public static DataBounds Around(IReadOnlyList<double> x0, IReadOnlyList<double> x1)
    {
        var (min0, max0) = Padded(x0);
        var (min1, max1) = Padded(x1);
        return new DataBounds(min0, max0, min1, max1);
    }

    private static (double Min, double Max) Padded(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("bounds need at least one point");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (!double.IsFinite(value)) throw new ArgumentException("bounds need finite coordinates");
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        var pad = max > min ? Margin * (max - min) : 0.5;
        return (min - pad, max + pad);
    }
}
