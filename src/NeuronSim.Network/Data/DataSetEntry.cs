using System.Globalization;

namespace NeuronSim.Network.Data;

/// <summary>One built-in data set in the catalogue (<see cref="DataSets.All"/>).</summary>
/// <param name="Name">The name users type (<c>--data spiral</c>).</param>
/// <param name="Description">One line saying what the points are, for help text and reports.</param>
/// <param name="DefaultPoints">How many points when none are asked for (xor: its fixed 21).</param>
/// <param name="TakesPoints">Whether the number of points can be chosen (xor: no).</param>
/// <param name="TakesNoise">Whether noise means anything for this set (the lab's sets: no).</param>
/// <param name="Generator">Makes the set from (points, noise, data seed); call it through <see cref="Generate"/>.</param>
public sealed record DataSetEntry(string Name, string Description, int DefaultPoints, bool TakesPoints, bool TakesNoise,
    Func<int, double, int, DataSet> Generator)
{
    /// <summary>
    /// The set with <paramref name="points"/> points (default <see cref="DefaultPoints"/>),
    /// <paramref name="noise"/> in [0, <see cref="DataSets.MaxNoise"/>] and data seed
    /// <paramref name="seed"/>. Points are ignored by a set that does not take them (xor),
    /// noise by a set that does not take noise (xor, linear): check <see cref="TakesPoints"/> and
    /// <see cref="TakesNoise"/> to tell the user.
    /// </summary>
    /// <exception cref="ArgumentException">Points or noise out of range.</exception>
    public DataSet Generate(int? points = null, double noise = 0, int seed = DataSets.DefaultSeed)
    {
        var n = TakesPoints ? points ?? DefaultPoints : DefaultPoints;
        if (n < 1 || n > DataSets.MaxPoints)
        {
            throw new ArgumentException($"points must be 1 to {DataSets.MaxPoints.ToString(CultureInfo.InvariantCulture)}, got {n.ToString(CultureInfo.InvariantCulture)}");
        }
        if (!(noise >= 0 && noise <= DataSets.MaxNoise))
        {
            throw new ArgumentException($"noise must be 0 to {DataSets.MaxNoise.ToString(CultureInfo.InvariantCulture)}, got {noise.ToString(CultureInfo.InvariantCulture)}");
        }
        return Generator(n, TakesNoise ? noise : 0, seed);
    }
}
