using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The report's closing discussion of an experiment that runs on several data sets (the built-in
/// <c>datasets</c>): which sets were learned and how fast, in epochs and in time, which were not,
/// and how the held-out points fared; every sentence made from the runs' numbers.
/// </summary>
public static class DataSetComparison
{
    /// <summary>The comparison as a Markdown list, or null when the experiment's finished runs cover fewer than two data sets.</summary>
    public static string? For(ResultsTable table, ExperimentPreset experiment)
    {
        var rows = table.Rows.Where(r => r.Experiment == experiment && r.Result is not null && r.Run.Seed == table.Plan.FirstSeed).ToList();
        if (rows.Select(r => r.Run.DataSet).Distinct().Count() < 2) return null;
        var lines = new List<string>();
        var converged = rows.Where(r => r.Result!.Converged).OrderBy(r => r.Result!.Epochs).ToList();
        if (converged.Count > 0)
        {
            lines.Add($"**Learned** (loss below {Numbers.Compact(table.Plan.TargetLoss)}), fewest epochs first: "
                + string.Join(", ", converged.Select(r => $"{r.Run.DataSet} {OutcomeText.Epochs(r.Result!.Epochs)} ({OutcomeText.Duration(TimeSpan.FromSeconds(r.Result.WallSeconds))})")) + ".");
        }
        if (converged.Count > 1)
        {
            var (fast, slow) = (converged[0], converged[^1]);
            var byTime = converged.OrderBy(r => r.Result!.WallSeconds).ToList();
            var line = $"{slow.Run.DataSet} needed {Numbers.Compact((double)slow.Result!.Epochs / Math.Max(fast.Result!.Epochs, 1))} times the epochs of {fast.Run.DataSet}; "
                + $"in time the quickest was {byTime[0].Run.DataSet}, the slowest {byTime[^1].Run.DataSet} ({OutcomeText.Duration(TimeSpan.FromSeconds(byTime[^1].Result!.WallSeconds))})";
            if (byTime[^1] != slow) line += $": an epoch costs points times weights, and {byTime[^1].Run.DataSet} has {Numbers.Count(byTime[^1].Result!.Predictions.Length)} training points on a {byTime[^1].Setting.HiddenText} network against {slow.Run.DataSet}'s {Numbers.Count(slow.Result.Predictions.Length)} on {slow.Setting.HiddenText}";
            if (converged.Select(r => (r.Setting.Optimizer.Kind, r.Setting.HiddenText)).Distinct().Count() > 1) line += ". Each set has its own network and optimizer, so these numbers compare the pairs, not the sets alone";
            lines.Add(line + ".");
        }
        var missed = rows.Where(r => !r.Result!.Converged).ToList();
        if (missed.Count > 0)
        {
            lines.Add("**Not learned to the target**: " + string.Join(", ", missed.Select(r =>
                $"{r.Run.DataSet} ({OutcomeText.Phrase(r.Result!)}, final loss {Numbers.Compact(r.Result!.FinalLoss)}, {Numbers.Percent(r.Result.Accuracy)} accuracy)")) + ".");
        }
        var featured = rows.Where(r => r.Setting.Features is not null && r.Setting.FeatureSet.Count > 2).ToList();
        if (featured.Count > 0)
        {
            lines.Add("**Input features beyond x0, x1**: " + string.Join(", ", featured.Select(r => $"{r.Run.DataSet} ({r.Setting.FeatureSet})"))
                + ": each is one more input neuron, a shape the first layer need not build from x0 and x1.");
        }
        var held = rows.Where(r => r.Result!.HeldOutAccuracy is not null).ToList();
        if (held.Count > 0)
        {
            lines.Add("**On held-out points**: " + string.Join(", ", held.Select(r =>
                $"{r.Run.DataSet} {Numbers.Percent(r.Result!.HeldOutAccuracy!.Value)} of {r.Result.TestPoints} (training {Numbers.Percent(r.Result.Accuracy)}, test loss {Numbers.Compact(r.Result.HeldOutLoss ?? double.NaN)} against {Numbers.Compact(r.Result.FinalLoss)})"))
                + (held.All(r => r.Result!.HeldOutAccuracy >= 0.9) ? ": the learned boundary holds on points training never saw." : ": below 90% on unseen points, the boundary fits the training points more than the shape."));
        }
        return "Across the data sets:\n\n" + string.Join("\n", lines.Select(line => "- " + line)) + "\n";
    }
}
