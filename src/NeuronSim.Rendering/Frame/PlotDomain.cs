using NeuronSim.Network.Data;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The input rectangle the boundary plot covers: the data's <see cref="DataBounds"/> widened by
/// <see cref="Margin"/> of their extent on each side (the lab's unit square becomes [-0.05, 1.05]²),
/// and the mapping between input points and the pixels of a plot.
/// </summary>
/// <param name="Data">The data's own bounds (the axis ticks stand at their ends and middle).</param>
public readonly record struct PlotDomain(DataBounds Data)
{
    /// <summary>The margin added on each side of the data's bounds, as a fraction of their extent.</summary>
    public const double Margin = 0.05;

    /// <summary>The domain of the lab's data sets (the unit square).</summary>
    public static PlotDomain UnitSquare { get; } = new(DataBounds.UnitSquare);

    /// <summary>Smallest x0 plotted.</summary>
    public double MinX0 => Data.MinX0 - Margin * Data.Width;

    /// <summary>Largest x1 plotted.</summary>
    public double MaxX1 => Data.MaxX1 + Margin * Data.Height;

    /// <summary>The x0 extent plotted.</summary>
    public double Width => Data.Width * (1 + 2 * Margin);

    /// <summary>The x1 extent plotted.</summary>
    public double Height => Data.Height * (1 + 2 * Margin);

    /// <summary>Where the input point (<paramref name="x0"/>, <paramref name="x1"/>) lands in <paramref name="plot"/>.</summary>
    public SKPoint ToPixel(SKRect plot, double x0, double x1) => new(
        (float)(plot.Left + (x0 - MinX0) / Width * plot.Width),
        (float)(plot.Top + (MaxX1 - x1) / Height * plot.Height));

    /// <summary>The input point at pixel (<paramref name="x"/>, <paramref name="y"/>) of <paramref name="plot"/>; the inverse of <see cref="ToPixel"/>.</summary>
    public (double X0, double X1) FromPixel(SKRect plot, float x, float y) => (
        MinX0 + (x - plot.Left) / plot.Width * Width,
        MaxX1 - (y - plot.Top) / plot.Height * Height);

    /// <summary>The centre of grid cell (<paramref name="row"/>, <paramref name="col"/>) of an n x n grid over the domain (row 0 at the top).</summary>
    public (double X0, double X1) Cell(int row, int col, int n) => (
        MinX0 + Width * (col + 0.5) / n,
        MaxX1 - Height * (row + 0.5) / n);
}
