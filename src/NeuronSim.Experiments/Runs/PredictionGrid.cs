using NeuronSim.Network.Data;

namespace NeuronSim.Experiments.Runs;

/// <summary>
/// The grid of points a run's decision regions are sampled on: <see cref="Size"/> by <see cref="Size"/>
/// points spanning a data set's <see cref="DataBounds"/> widened by a tenth on each side (the lab's
/// unit square: [-0.1, 1.1]^2).
/// </summary>
public static class PredictionGrid
{
    /// <summary>Points per side.</summary>
    public const int Size = 49;

    /// <summary>The widening on each side, as a fraction of the bounds' width and height.</summary>
    public const double Pad = 0.1;

    /// <summary>The rectangle the grid spans for data drawn on <paramref name="bounds"/>.</summary>
    public static DataBounds Domain(DataBounds bounds) =>
        new(bounds.MinX0 - Pad * bounds.Width, bounds.MaxX0 + Pad * bounds.Width, bounds.MinX1 - Pad * bounds.Height, bounds.MaxX1 + Pad * bounds.Height);

    /// <summary>The x0 coordinate of grid column <paramref name="i"/> on <paramref name="bounds"/>.</summary>
    public static double X0(DataBounds bounds, int i)
    {
        var domain = Domain(bounds);
        return domain.MinX0 + domain.Width * i / (Size - 1);
    }

    /// <summary>The x1 coordinate of grid row <paramref name="i"/> on <paramref name="bounds"/>.</summary>
    public static double X1(DataBounds bounds, int i)
    {
        var domain = Domain(bounds);
        return domain.MinX1 + domain.Height * i / (Size - 1);
    }

    /// <summary>The grid's points for data on <paramref name="bounds"/>, x1 outer, x0 inner.</summary>
    public static (double[] X0, double[] X1) Points(DataBounds bounds)
    {
        var x0 = new double[Size * Size];
        var x1 = new double[Size * Size];
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                x0[row * Size + column] = X0(bounds, column);
                x1[row * Size + column] = X1(bounds, row);
            }
        }
        return (x0, x1);
    }
}
