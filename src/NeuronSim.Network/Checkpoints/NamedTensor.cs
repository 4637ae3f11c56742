namespace NeuronSim.Network.Checkpoints;

/// <summary>One tensor of a checkpoint: its name, its shape (outermost first) and its values, row-major.</summary>
public sealed class NamedTensor
{
    /// <summary>A tensor called <paramref name="name"/>; the shape's product must equal the number of values.</summary>
    /// <exception cref="ArgumentException">The name is empty or the shape does not match the values.</exception>
    public NamedTensor(string name, int[] shape, double[] values)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("a tensor needs a name");
        if (shape.Any(d => d < 0) || ElementCount(shape) != values.Length)
        {
            throw new ArgumentException($"tensor '{name}' has shape {ShapeText(shape)} but {values.Length} values");
        }
        Name = name;
        Shape = shape;
        Values = values;
    }

    /// <summary>The tensor's name, e.g. "0.weight".</summary>
    public string Name { get; }

    /// <summary>The size of each dimension, outermost first (a Linear weight is [out, in]).</summary>
    public int[] Shape { get; }

    /// <summary>The values, row-major (the last dimension varies fastest).</summary>
    public double[] Values { get; }

    /// <summary>"[4, 2]".</summary>
    public static string ShapeText(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    /// <summary>"[4, 2]".</summary>
    public static string ShapeText(IEnumerable<int> shape) => ShapeText(shape.Select(d => (long)d));

    /// <summary>The number of elements of a tensor of <paramref name="shape"/> (1 for a scalar).</summary>
    public static long ElementCount(IEnumerable<int> shape) => shape.Aggregate(1L, (count, d) => count * d);

    /// <summary>"NaN", "+infinity" or "-infinity" for a value a checkpoint cannot hold, else its round-trip text.</summary>
    public static string ValueText(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+infinity" : double.IsNegativeInfinity(value) ? "-infinity" : Formatting.Numbers.RoundTrip(value);

    /// <summary>"[1, 0]": where the flat position <paramref name="flat"/> sits in a tensor of <paramref name="shape"/>.</summary>
    public static string IndexText(IReadOnlyList<int> shape, long flat)
    {
        var index = new long[shape.Count];
        for (var d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return ShapeText(index);
    }
}
