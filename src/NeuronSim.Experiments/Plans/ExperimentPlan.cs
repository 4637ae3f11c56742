using System.Text.Json.Serialization;

namespace NeuronSim.Experiments.Plans;

/// <summary>
/// Everything one <c>neuronsim experiment</c> invocation runs: the experiments, the data sets, the
/// seeds and the stopping rule. Saved as plan.json in the output directory so a run can be resumed.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>The name of what was asked for ("all", "lr", or a preset's name).</summary>
    public required string Name { get; init; }

    /// <summary>The experiments, in report order.</summary>
    public required IReadOnlyList<ExperimentPreset> Experiments { get; init; }

    /// <summary>The data sets every setting is trained on ("xor", "linear").</summary>
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

    /// <summary>The runs of one experiment on one data set, in setting then seed order.</summary>
    public IEnumerable<(ExperimentSetting Setting, PlannedRun Run)> RunsOf(ExperimentPreset experiment, string dataSet) =>
        from setting in experiment.Settings
        from seed in SeedList
        select (setting, new PlannedRun(dataSet, setting, seed));

    /// <summary>Every distinct run of the plan (identical runs in several experiments appear once).</summary>
    public IReadOnlyList<PlannedRun> DistinctRuns() =>
        (from experiment in Experiments
         from dataSet in DataSets
         from pair in RunsOf(experiment, dataSet)
         select pair.Run).DistinctBy(run => run.Id).ToList();

    /// <summary>Throws <see cref="ArgumentException"/> when a field is out of range.</summary>
    public void Validate()
    {
        if (Experiments.Count == 0) throw new ArgumentException("no experiment to run");
        if (DataSets.Count == 0) throw new ArgumentException("no data set to run");
        foreach (var name in DataSets)
        {
            if (name is not ("xor" or "linear")) throw new ArgumentException($"unknown data set '{name}' (expected xor or linear)");
        }
        if (Seeds < 1) throw new ArgumentException($"--seeds must be at least 1, got {Seeds}");
        if (MaxEpochs < 1) throw new ArgumentException($"--max-epochs must be at least 1, got {MaxEpochs}");
        if (!(TargetLoss >= 0)) throw new ArgumentException($"--target-loss must be zero or positive, got {TargetLoss}");
        if (LinearPoints < 1) throw new ArgumentException($"the linear data set needs at least 1 point, got {LinearPoints}");
        var duplicate = Experiments.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two experiments are called '{duplicate.Key}'");
    }
}
