namespace NeuronSim.Network.Data;

/// <summary>A set of 2-D points with a 0/1 label each, stored as columns.</summary>
public sealed class DataSet
{
    /// <summary>Creates a data set; the three arrays must have the same length.</summary>
    public DataSet(string name, double[] x0, double[] x1, double[] labels)
    {
        if (x0.Length != x1.Length || x0.Length != labels.Length)
        {
            throw new ArgumentException("x0, x1 and labels must have the same length");
        }
        if (x0.Length == 0) throw new ArgumentException("a data set needs at least one point");
        Name = name;
        X0 = x0;
        X1 = x1;
        Labels = labels;
    }

    /// <summary>The data set's name ("xor", "linear").</summary>
    public string Name { get; }

    /// <summary>First coordinate of each point.</summary>
    public double[] X0 { get; }

    /// <summary>Second coordinate of each point.</summary>
    public double[] X1 { get; }

    /// <summary>Label (0 or 1) of each point.</summary>
    public double[] Labels { get; }

    /// <summary>How many points.</summary>
    public int Count => X0.Length;

    /// <summary>Feature <paramref name="feature"/> (0 or 1) of every point.</summary>
    public double[] Feature(int feature) => feature == 0 ? X0 : X1;
}
