namespace NeuronSim.Experiments.Runs;

/// <summary>The square grid of points a run's decision regions are sampled on: [-0.1, 1.1]^2.</summary>
public static class PredictionGrid
{
    /// <summary>Points per side.</summary>
    public const int Size = 49;

    /// <summary>The lowest coordinate.</summary>
    public const double Min = -0.1;

    /// <summary>The highest coordinate.</summary>
    public const double Max = 1.1;

    /// <summary>The coordinate of grid line <paramref name="i"/>.</summary>
    public static double Coordinate(int i) => Min + (Max - Min) * i / (Size - 1);

    /// <summary>The grid's points, x1 outer, x0 inner.</summary>
    public static (double[] X0, double[] X1) Points()
    {
        var x0 = new double[Size * Size];
        var x1 = new double[Size * Size];
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                x0[row * Size + column] = Coordinate(column);
                x1[row * Size + column] = Coordinate(row);
            }
        }
        return (x0, x1);
    }
}
