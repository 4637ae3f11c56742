namespace NeuronSim.Network.Data;

/// <summary>
/// The chosen input features, in order: input neuron i gets feature i. The one way feature
/// values are computed, for training data and prediction grids alike.
/// </summary>
public sealed class FeatureSet
{
    private readonly InputFeature[] _features;

    /// <summary>A set of the given features (use <see cref="InputFeatures.Parse"/> to check names).</summary>
    /// <exception cref="ArgumentException">No feature.</exception>
    public FeatureSet(IEnumerable<InputFeature> features)
    {
        _features = [.. features];
        if (_features.Length == 0) throw new ArgumentException("at least one input feature is needed");
        Names = [.. _features.Select(f => f.Name)];
    }

    /// <summary>The features, in input order.</summary>
    public IReadOnlyList<InputFeature> Features => _features;

    /// <summary>How many features (input neurons).</summary>
    public int Count => _features.Length;

    /// <summary>The names, in input order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The list as it is typed: <c>x0,x1,x0sq</c>.</summary>
    public override string ToString() => string.Join(',', Names);

    /// <summary>Writes the value of every feature at (x0, x1) into <paramref name="into"/> (length <see cref="Count"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="into"/> has the wrong length.</exception>
    public void Compute(double x0, double x1, Span<double> into)
    {
        if (into.Length != _features.Length) throw new ArgumentException($"expected {_features.Length} values, got {into.Length}");
        for (var f = 0; f < _features.Length; f++) into[f] = _features[f].Of(x0, x1);
    }

    /// <summary>
    /// The feature columns for the points (<paramref name="x0"/>[k], <paramref name="x1"/>[k]):
    /// result[f][k] is feature f of point k.
    /// </summary>
    /// <exception cref="ArgumentException">The coordinate arrays differ in length.</exception>
    public double[][] Columns(IReadOnlyList<double> x0, IReadOnlyList<double> x1)
    {
        if (x0.Count != x1.Count) throw new ArgumentException("x0 and x1 must have the same length");
        var columns = new double[_features.Length][];
        for (var f = 0; f < _features.Length; f++)
        {
            var of = _features[f].Of;
            var column = columns[f] = new double[x0.Count];
            for (var k = 0; k < column.Length; k++) column[k] = of(x0[k], x1[k]);
        }
        return columns;
    }

    /// <summary>The feature columns of every point of <paramref name="data"/> (see <see cref="Columns(IReadOnlyList{double}, IReadOnlyList{double})"/>).</summary>
    public double[][] Columns(DataSet data) => Columns(data.X0, data.X1);
}
