namespace NeuronSim.Network.Data;

/// <summary>A set of 2-D points with a 0/1 label each, stored as columns, and the domain it is drawn on.</summary>
public sealed class DataSet
{
    /// <summary>
    /// Creates a data set; the three arrays must have the same length, at least one point,
    /// finite coordinates and labels 0 or 1. Without <paramref name="bounds"/> the domain is
    /// the points' extent plus a margin (<see cref="DataBounds.Around"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not describe a valid data set.</exception>
    public DataSet(string name, double[] x0, double[] x1, double[] labels, DataBounds? bounds = null)
    {
        if (x0.Length != x1.Length || x0.Length != labels.Length)
        {
            throw new ArgumentException("x0, x1 and labels must have the same length");
        }
        if (x0.Length == 0) throw new ArgumentException("a data set needs at least one point");
        for (var i = 0; i < x0.Length; i++)
        {
            if (!double.IsFinite(x0[i]) || !double.IsFinite(x1[i]))
            {
                throw new ArgumentException($"point {i} has a NaN or infinite coordinate");
            }
            if (labels[i] is not (0 or 1)) throw new ArgumentException($"point {i} has label {labels[i]}, not 0 or 1");
        }
        Name = name;
        X0 = x0;
        X1 = x1;
        Labels = labels;
        Bounds = bounds ?? DataBounds.Around(x0, x1);
    }

    /// <summary>The data set's name ("xor", "spiral", a file name).</summary>
    public string Name { get; }

    /// <summary>First coordinate of each point.</summary>
    public double[] X0 { get; }

    /// <summary>Second coordinate of each point.</summary>
    public double[] X1 { get; }

    /// <summary>Label (0 or 1) of each point.</summary>
    public double[] Labels { get; }

    /// <summary>The input domain for plots and prediction grids (the lab's sets: exactly [0,1]^2).</summary>
    public DataBounds Bounds { get; }

    /// <summary>How many points.</summary>
    public int Count => X0.Length;

    /// <summary>How many points have label <paramref name="label"/> (0 or 1).</summary>
    public int CountOf(int label) => Labels.Count(l => l == label);

    /// <summary>Raw coordinate <paramref name="feature"/> (0 or 1) of every point.</summary>
    public double[] Feature(int feature) => feature == 0 ? X0 : X1;

    /// <summary>The points at <paramref name="indices"/>, in that order, with this set's name and bounds.</summary>
    public DataSet Select(IReadOnlyList<int> indices)
    {
        var x0 = new double[indices.Count];
        var x1 = new double[indices.Count];
        var labels = new double[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            x0[i] = X0[indices[i]];
            x1[i] = X1[indices[i]];
            labels[i] = Labels[indices[i]];
        }
        return new DataSet(Name, x0, x1, labels, Bounds);
    }
}
