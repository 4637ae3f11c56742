namespace NeuronSim.Network.Data;

/// <summary>
/// The input features (TensorFlow Playground's feature panel): the one table of what each name
/// computes, and the parser for a comma-separated list of them.
/// </summary>
public static class InputFeatures
{
    /// <summary>Every feature, in the Playground's order.</summary>
    public static IReadOnlyList<InputFeature> All { get; } =
    [
        new("x0", "x0", (x0, _) => x0),
        new("x1", "x1", (_, x1) => x1),
        new("x0sq", "x0²", (x0, _) => x0 * x0),
        new("x1sq", "x1²", (_, x1) => x1 * x1),
        new("x0x1", "x0·x1", (x0, x1) => x0 * x1),
        new("sinx0", "sin x0", (x0, _) => Math.Sin(x0)),
        new("sinx1", "sin x1", (_, x1) => Math.Sin(x1)),
    ];

    /// <summary>The names of every feature, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The raw coordinates x0 and x1, the lab's inputs.</summary>
    public static FeatureSet Default { get; } = Parse("x0,x1");

    /// <summary>
    /// The features named in <paramref name="list"/>, comma-separated, in the order given
    /// (names case-insensitive, spaces around them ignored).
    /// </summary>
    /// <exception cref="ArgumentException">Empty list or name, an unknown name (the message lists the accepted ones), or a name given twice.</exception>
    public static FeatureSet Parse(string list)
    {
        var chosen = new List<InputFeature>();
        foreach (var part in list.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0) throw new ArgumentException($"empty feature name in '{list}' (expected a comma-separated list of {string.Join(", ", Names)})");
            var feature = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"unknown feature '{name}' (expected {string.Join(", ", Names)})");
            if (chosen.Contains(feature)) throw new ArgumentException($"feature '{feature.Name}' is given twice");
            chosen.Add(feature);
        }
        return new FeatureSet(chosen);
    }
}
