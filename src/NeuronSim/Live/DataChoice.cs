using NeuronSim.Commands;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;

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

    /// <summary>The largest held-out fraction T reaches.</summary>
    public const double MaxTestRatio = 0.9;

    /// <summary>
    /// The data after a data key (D: the next built-in set at its default size; the panel's data set
    /// button <paramref name="argument"/>: that built-in set (its index in <see cref="DataSets.Names"/>) at its
    /// default size; M, Shift+M: noise +/-0.05 within [0, 0.5]; T, Shift+T: test ratio +/-0.1 within [0, 0.9])
    /// and the HUD's message.
    /// </summary>
    public (DataChoice Data, string Message) After(LiveCommand command, int argument = 0)
    {
        switch (command)
        {
            case LiveCommand.NextDataSet or LiveCommand.ChooseDataSet:
                var index = command == LiveCommand.ChooseDataSet ? argument : (BuiltInIndex + 1) % DataSets.Names.Length;
                if ((uint)index >= (uint)DataSets.Names.Length) return (this, $"no built-in data set {index}");
                var next = DataSets.Names[index];
                return (this with { Name = next, Points = null }, $"data set {next}");
            case LiveCommand.NoiseUp or LiveCommand.NoiseDown:
                var noise = Math.Clamp(Math.Round(Noise + (command == LiveCommand.NoiseUp ? 0.05 : -0.05), 2), 0, DataSets.MaxNoise);
                return (this with { Noise = noise }, $"noise {Numbers.Compact(noise)}" + (DataSets.Find(Name) is { TakesNoise: false } ? $" ({Name} takes none)" : ""));
            case LiveCommand.TestRatioUp or LiveCommand.TestRatioDown:
                var ratio = Math.Clamp(Math.Round(TestRatio + (command == LiveCommand.TestRatioUp ? 0.1 : -0.1), 2), 0, MaxTestRatio);
                return (this with { TestRatio = ratio }, ratio == 0 ? "test ratio 0: test = training set" : $"test ratio {Numbers.Compact(ratio)}");
            default:
                return (this, "");
        }
    }

    /// <summary>The index of this data in <see cref="DataSets.Names"/>, or -1 when it is a file.</summary>
    public int BuiltInIndex => Array.FindIndex(DataSets.Names, n => string.Equals(n, Name, StringComparison.OrdinalIgnoreCase));

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
