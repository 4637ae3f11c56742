using NeuronSim.Commands;
using NeuronSim.Network.Data;

namespace NeuronSim.Live;

/// <summary>The data the live view trains on: a built-in set or CSV file, its size, seed, noise and held-out fraction.</summary>
/// <param name="Name">A built-in set's name or a CSV file's path.</param>
/// <param name="Points">Points generated (null: the set's default).</param>
/// <param name="Seed">The data seed (points and split).</param>
/// <param name="Noise">The Playground's noise, 0 to 0.5.</param>
/// <param name="TestRatio">The held-out fraction, 0 (test = training set) to below 1.</param>
public sealed record DataChoice(string Name, int? Points = null, int Seed = DataSets.DefaultSeed, double Noise = 0, double TestRatio = 0)
{
    /// <summary>The data the command line's <paramref name="settings"/> name.</summary>
    public static DataChoice From(NetworkSettings settings) =>
        new(settings.Data, settings.Points, settings.DataSeed, settings.Noise, settings.TestRatio);

    /// <summary>Generates (or reads) the points and splits off the test set.</summary>
    public DataSplit Split() => DataSplit.Split(DataSets.Load(Name, Points, Seed, Noise), TestRatio, Seed);

    /// <summary>Settings that describe this data, for a checkpoint's data recipe.</summary>
    public NetworkSettings ToSettings() => new()
    {
        Data = Name,
        Points = Points,
        DataSeed = Seed,
        Noise = Noise,
        TestRatio = TestRatio,
    };
}
