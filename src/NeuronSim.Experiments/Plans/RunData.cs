using NeuronSim.Network.Data;

namespace NeuronSim.Experiments.Plans;

/// <summary>
/// The points one run sees: its data set generated from the catalogue (the setting's points and
/// noise, the plan's data seed) and split by the setting's test ratio.
/// </summary>
/// <param name="All">Every generated point (its <see cref="DataSet.Bounds"/> are the plots' domain).</param>
/// <param name="Train">The points training uses (all of them without a test ratio).</param>
/// <param name="Test">The held-out points, or null without a test ratio (the lab's way: "test" is the training set).</param>
public sealed record RunData(DataSet All, DataSet Train, DataSet? Test)
{
    /// <summary>The data of <paramref name="setting"/> on <paramref name="dataSet"/> in <paramref name="plan"/>.</summary>
    /// <exception cref="ArgumentException">Unknown data set, points or noise out of range, or a test ratio the split refuses.</exception>
    public static RunData For(string dataSet, ExperimentSetting setting, ExperimentPlan plan)
    {
        var all = DataSets.ByName(dataSet, setting.Points ?? plan.DefaultPointsOf(dataSet), plan.DataSeed, setting.Noise);
        var split = DataSplit.Split(all, setting.TestRatio, plan.DataSeed);
        return new RunData(all, split.Train, split.TestIsTraining ? null : split.Test);
    }

    /// <summary>Every point of <paramref name="data"/> for training, none held out (the lab's way).</summary>
    public static RunData Whole(DataSet data) => new(data, data, null);

    /// <summary>What decides a run's data besides the plan: runs with the same key see the same points.</summary>
    public static string KeyOf(PlannedRun run) =>
        $"{run.DataSet};{run.Setting.Points};{Network.Formatting.Numbers.RoundTrip(run.Setting.Noise)};{Network.Formatting.Numbers.RoundTrip(run.Setting.TestRatio)}";

    /// <summary>The data of a planned run.</summary>
    public static RunData For(PlannedRun run, ExperimentPlan plan) => For(run.DataSet, run.Setting, plan);
}
