using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Plans;

/// <summary>
/// Everything one <c>neuronsim experiment</c> invocation runs: the experiments, the data sets, the
/// seeds and the stopping rule. Saved as plan.json in the output directory so a run can be resumed.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>The most seeds per setting.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>The most distinct runs one plan may hold.</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The most points of the linear data set.</summary>
    public const int MaxLinearPoints = 100_000;

    /// <summary>The name of what was asked for ("all", "lr", or a preset's name).</summary>
    public required string Name { get; init; }

    /// <summary>The experiments, in report order.</summary>
    public required IReadOnlyList<ExperimentPreset> Experiments { get; init; }

    /// <summary>The built-in data sets (catalogue names) every setting without its own "data" is trained on.</summary>
    public required IReadOnlyList<string> DataSets { get; init; }

    /// <summary>How many weight seeds each setting runs.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>The first weight seed; the others follow it.</summary>
    public int FirstSeed { get; init; } = 1;

    /// <summary>The most epochs a run trains.</summary>
    public int MaxEpochs { get; init; } = 100_000;

    /// <summary>A run has converged once its loss is below this.</summary>
    public double TargetLoss { get; init; } = 0.005;

    /// <summary>Points in the linear data set.</summary>
    public int LinearPoints { get; init; } = 100;

    /// <summary>Seed of the linear data set (the same data for every run).</summary>
    public int DataSeed { get; init; } = 1;

    /// <summary>The command line that made the plan, for the report.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>The weight seeds: FirstSeed, FirstSeed + 1, ...</summary>
    [JsonIgnore]
    public IEnumerable<int> SeedList => Enumerable.Range(FirstSeed, Seeds);

    /// <summary>
    /// The hash of everything in the plan that changes what a run produces besides its own setting
    /// and seed (the stopping rule and the data): a saved run is reused only under the same hash.
    /// </summary>
    [JsonIgnore]
    public string Hash
    {
        get
        {
            var text = $"neuronsim-plan-v1;maxEpochs={MaxEpochs};targetLoss={Numbers.RoundTrip(TargetLoss)};linearPoints={LinearPoints};dataSeed={DataSeed}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>
    /// The runs of one experiment on one data set, in setting then seed order: the settings without
    /// their own "data" when the set is one of <see cref="DataSets"/>, and those whose "data" names it.
    /// </summary>
    public IEnumerable<(ExperimentSetting Setting, PlannedRun Run)> RunsOf(ExperimentPreset experiment, string dataSet) =>
        from setting in experiment.Settings
        where setting.Data is null ? DataSets.Contains(dataSet) : setting.Data == dataSet
        from seed in SeedList
        select (setting, new PlannedRun(dataSet, setting, seed));

    /// <summary>The data sets <paramref name="experiment"/> runs on, in catalogue order: <see cref="DataSets"/> and its settings' own.</summary>
    public IReadOnlyList<string> DataSetsOf(ExperimentPreset experiment) =>
        Network.Data.DataSets.Names.Where(name => RunsOf(experiment, name).Any()).ToList();

    /// <summary>Every data set some run of the plan trains on, in catalogue order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> UsedDataSets => Network.Data.DataSets.Names.Where(name => Experiments.Any(e => RunsOf(e, name).Any())).ToList();

    /// <summary>Points of a data set when the setting names none: linear's from the plan, the others' from the catalogue (xor: its fixed 21).</summary>
    public int DefaultPointsOf(string dataSet) => dataSet == "linear" ? LinearPoints : Network.Data.DataSets.Entry(dataSet).DefaultPoints;

    /// <summary>Every distinct run of the plan (identical runs in several experiments appear once).</summary>
    public IReadOnlyList<PlannedRun> DistinctRuns() =>
        (from experiment in Experiments
         from dataSet in DataSetsOf(experiment)
         from pair in RunsOf(experiment, dataSet)
         select pair.Run).DistinctBy(run => run.Id).ToList();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first field that is missing or out of range
    /// (a plan read back from plan.json is checked as thoroughly as one made from the command line).
    /// </summary>
    public void Validate()
    {
        if (!ExperimentPreset.IsSafeName(Name)) throw new ArgumentException($"the plan's name must be 1 to {ExperimentPreset.MaxNameLength} letters, digits, '-', '_' or '+', got '{ExperimentPreset.Shorten(Name)}'");
        if (Experiments is null || Experiments.Count == 0) throw new ArgumentException("no experiment to run");
        if (DataSets is null || DataSets.Count == 0) throw new ArgumentException("no data set to run");
        foreach (var name in DataSets)
        {
            if (!Network.Data.DataSets.Names.Contains(name)) throw new ArgumentException($"unknown data set '{ExperimentPreset.Shorten(name)}' (expected {string.Join(", ", Network.Data.DataSets.Names)})");
        }
        if (DataSets.Distinct().Count() != DataSets.Count) throw new ArgumentException("a data set is listed twice");
        if (Seeds < 1 || Seeds > MaxSeeds) throw new ArgumentException($"--seeds must be from 1 to {MaxSeeds}, got {Seeds}");
        if (FirstSeed > int.MaxValue - (Seeds - 1)) throw new ArgumentException($"--seed {FirstSeed} with --seeds {Seeds} runs past the largest seed {int.MaxValue}");
        if (MaxEpochs < 1) throw new ArgumentException($"--max-epochs must be at least 1, got {MaxEpochs}");
        if (!(TargetLoss >= 0) || double.IsInfinity(TargetLoss)) throw new ArgumentException($"--target-loss must be zero or a positive number, got {Numbers.RoundTrip(TargetLoss)}");
        if (LinearPoints < 1 || LinearPoints > MaxLinearPoints) throw new ArgumentException($"the linear data set needs 1 to {MaxLinearPoints} points, got {LinearPoints}");
        if (CommandLine is null) throw new ArgumentException("the plan's commandLine must be a string");
        for (var i = 0; i < Experiments.Count; i++)
        {
            if (Experiments[i] is null) throw new ArgumentException($"experiments[{i}] must be an object");
            if (Experiments[i].Problem() is { } problem) throw new ArgumentException($"experiment '{ExperimentPreset.Shorten(Experiments[i].Name)}': {problem}");
        }
        var duplicate = Experiments.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two experiments are called '{duplicate.Key}'");
        var runs = Experiments.Sum(e => e.Settings.Sum(s => s.Data is null ? (long)DataSets.Count : 1)) * Seeds;
        if (runs > MaxRuns) throw new ArgumentException($"the plan holds {Numbers.Count(runs)} runs, more than the {Numbers.Count(MaxRuns)} one experiment may run: fewer --seeds or settings");
    }
}
