using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The report's discussion of one experiment on one data set, every sentence made from the runs'
/// numbers: which runs converged and how fast, which hit the epoch cap (and which of those sat on a
/// plateau, named as such), and which diverged and how (NaN or an overflow to infinity).
/// </summary>
public static class Discussion
{
    /// <summary>The discussion as Markdown (a lead line and a list).</summary>
    public static string For(ResultsTable table, ExperimentPreset experiment, string dataSet)
    {
        var rows = table.Rows.Where(r => r.Experiment == experiment && r.Run.DataSet == dataSet && r.Result is not null).ToList();
        if (rows.Count == 0) return "No run of this data set has finished yet.";
        var plan = table.Plan;
        var lines = plan.Seeds == 1 ? OneSeed(rows, plan) : SeveralSeeds(rows, experiment);
        if (plan.Seeds == 1) lines.AddRange(Identical(rows));
        if (EndedAbove(rows, plan) is { } above) lines.Add(above);
        if (StepsLine(rows, experiment, dataSet, plan) is { } steps) lines.Add(steps);
        if (HeldOut(rows, plan) is { } heldOut) lines.Add(heldOut);
        return $"What the runs on {dataSet} did:\n\n" + string.Join("\n", lines.Select(line => "- " + line));
    }

    /// <summary>How a diverged run's loss ended: "became NaN" or "overflowed to infinity".</summary>
    public static string DivergenceKind(RunResult result) =>
        double.IsNaN(result.FinalLoss) ? "became NaN" : double.IsNegativeInfinity(result.FinalLoss) ? "overflowed to -infinity" : "overflowed to infinity";

    private static List<string> OneSeed(List<ResultsRow> rows, ExperimentPlan plan)
    {
        var lines = new List<string>();
        var converged = rows.Where(r => r.Result!.Converged).OrderBy(r => r.Result!.Epochs).ToList();
        if (converged.Count > 0)
        {
            var line = $"**Converged** (loss below {Numbers.Compact(plan.TargetLoss)}): "
                + string.Join(", ", converged.Select(r => $"{r.Setting.Label} in {OutcomeText.Epochs(r.Result!.Epochs)} epochs ({Numbers.Percent(r.Result.Accuracy)} accuracy)")) + ".";
            if (converged.Count > 1 && converged[0].Result!.Epochs > 0)
            {
                var (fast, slow) = (converged[0].Result!, converged[^1].Result!);
                line += $" Fastest: {converged[0].Setting.Label}; slowest: {converged[^1].Setting.Label}, {Numbers.Compact((double)slow.Epochs / fast.Epochs)} times as many epochs.";
            }
            lines.Add(line);
        }
        var capped = rows.Where(r => !r.Result!.Converged && !r.Result.Diverged).ToList();
        if (capped.Count > 0)
        {
            lines.Add($"**Did not converge in {OutcomeText.Epochs(plan.MaxEpochs)} epochs** (the --max-epochs of this report): "
                + string.Join(", ", capped.Select(r => $"{r.Setting.Label} (final loss {Numbers.Compact(r.Result!.FinalLoss)}, {Numbers.Percent(r.Result.Accuracy)} accuracy)")) + ".");
        }
        foreach (var row in capped.Where(r => r.Result!.PlateauSince is not null))
        {
            lines.Add(Plateau(row));
        }
        var diverged = rows.Where(r => r.Result!.Diverged).ToList();
        if (diverged.Count > 0)
        {
            lines.Add("**Diverged**: " + string.Join(", ", diverged.Select(r => $"{r.Setting.Label}: the loss {DivergenceKind(r.Result!)} at epoch {OutcomeText.Epochs(r.Result!.Epochs)}")) + ".");
        }
        return lines;
    }

    private static List<string> SeveralSeeds(List<ResultsRow> rows, ExperimentPreset experiment)
    {
        var lines = new List<string>();
        foreach (var setting in experiment.Settings)
        {
            var runs = rows.Where(r => r.Setting == setting).Select(r => r.Result!).ToList();
            if (runs.Count == 0) continue;
            var converged = runs.Where(r => r.Converged).Select(r => (double)r.Epochs).Order().ToList();
            var parts = new List<string> { $"{converged.Count} of {runs.Count} seeds converged" + (converged.Count > 0 ? $" (median {Numbers.Compact(Median(converged))} epochs)" : "") };
            var diverged = runs.Where(r => r.Diverged).ToList();
            if (diverged.Count > 0)
            {
                parts.Add($"{diverged.Count} diverged ({string.Join(", ", diverged.Select(r => $"seed {r.Seed}: the loss {DivergenceKind(r)} at epoch {OutcomeText.Epochs(r.Epochs)}"))})");
            }
            var plateaus = runs.Where(r => r.PlateauSince is not null).ToList();
            if (plateaus.Count > 0)
            {
                parts.Add($"{plateaus.Count} ended on a **plateau** ({string.Join(", ", plateaus.Select(r => $"seed {r.Seed}: loss flat at {Numbers.Compact(r.FinalLoss)} from epoch {OutcomeText.Epochs(r.PlateauSince!.Value)}"))})");
            }
            lines.Add($"**{setting.Label}**: " + string.Join("; ", parts) + ".");
        }
        return lines;
    }

    /// <summary>
    /// Converged runs whose final network's loss on every point is not below the target: with
    /// mini-batches an epoch's loss is the mean over its batches, each measured before its own step,
    /// so the last epoch's mean can pass the target while the network it leaves does not.
    /// </summary>
    private static string? EndedAbove(List<ResultsRow> rows, ExperimentPlan plan)
    {
        var above = rows.Where(r => r.Result!.Converged && !(r.Result.TestLoss < plan.TargetLoss)).ToList();
        if (above.Count == 0) return null;
        return "**Converged by the epoch's mean, not at the end**: "
            + string.Join(", ", above.Select(r => $"{r.Setting.Label}{(plan.Seeds > 1 ? $" seed {r.Run.Seed}" : "")} (epoch mean {Numbers.Compact(r.Result!.FinalLoss)}, final network {Numbers.Compact(r.Result.TestLoss)} on every point, {Numbers.Percent(r.Result.Accuracy)} accuracy)"))
            + ". With mini-batches an epoch's loss is the mean over its batches, each taken before its own step; the network the last step leaves can be worse.";
    }

    /// <summary>Settings whose runs ended exactly alike (same epochs, same final loss to the last bit), e.g. a batch clamped to the full data.</summary>
    private static IEnumerable<string> Identical(List<ResultsRow> rows) =>
        from g in rows.GroupBy(r => (r.Result!.Epochs, Loss: BitConverter.DoubleToInt64Bits(r.Result.FinalLoss), r.Result.Status))
        where g.Count() > 1
        select $"**Identical**: {string.Join(" and ", g.Select(r => r.Setting.Label))} ended exactly alike ({OutcomeText.Epochs(g.Key.Epochs)} epochs, final loss {Numbers.Compact(g.First().Result!.FinalLoss)})"
            + (g.Select(r => r.Setting.BatchSize).Distinct().Count() > 1 ? ": on these points their batches hold the same data." : ".");

    /// <summary>
    /// When the settings' batch sizes differ, an epoch is not one step: the optimizer steps each
    /// converged setting took (median over seeds) and its wall time, for the cost an epoch hides.
    /// </summary>
    private static string? StepsLine(List<ResultsRow> rows, ExperimentPreset experiment, string dataSet, ExperimentPlan plan)
    {
        var settings = rows.Select(r => r.Setting).Distinct().ToList();
        int PointsOf(ExperimentSetting setting) => RunData.For(dataSet, setting, plan).Train.Count;
        if (settings.Select(s => s.BatchSizeFor(PointsOf(s))).Distinct().Count() < 2) return null;
        var parts = new List<string>();
        foreach (var setting in settings)
        {
            var points = PointsOf(setting);
            var converged = rows.Where(r => r.Setting == setting && r.Result!.Converged).Select(r => r.Result!).ToList();
            if (converged.Count == 0) continue;
            var batch = setting.BatchSizeFor(points);
            var perEpoch = batch == 0 ? 1 : (points + batch - 1) / batch;
            var epochs = Median(converged.Select(r => (double)r.Epochs).Order().ToList());
            var seconds = Median(converged.Select(r => r.WallSeconds).Order().ToList());
            parts.Add($"{setting.Label} {Numbers.Compact(epochs * perEpoch)} steps ({perEpoch} per epoch, {OutcomeText.Duration(TimeSpan.FromSeconds(seconds))})");
        }
        return parts.Count == 0 ? null
            : $"**Optimizer steps to converge**{(plan.Seeds > 1 ? " (medians over the converged seeds)" : "")}: " + string.Join(", ", parts)
              + ". An epoch of smaller batches is more steps on fewer points each: fewer epochs need not mean less work.";
    }

    /// <summary>The held-out test sets: each setting's test accuracy beside its training accuracy, and the gap when the test set does worse.</summary>
    private static string? HeldOut(List<ResultsRow> rows, ExperimentPlan plan)
    {
        var held = rows.Where(r => r.Result!.HeldOutAccuracy is not null).ToList();
        if (held.Count == 0) return null;
        return "**Held-out test set**: " + string.Join(", ", held.Select(r =>
        {
            var result = r.Result!;
            var test = result.HeldOutAccuracy!.Value;
            var gap = result.Accuracy - test;
            return $"{r.Setting.Label}{(plan.Seeds > 1 ? $" seed {r.Run.Seed}" : "")} {Numbers.Percent(test)} of {result.TestPoints} held-out points (training {Numbers.Percent(result.Accuracy)}"
                + (gap > 0.05 ? $", {Numbers.Compact(gap * 100)} points lower on unseen data: it fits the training points better than the shape" : "") + ")";
        })) + ".";
    }

    private static string Plateau(ResultsRow row)
    {
        var r = row.Result!;
        return $"**Plateau**: {row.Setting.Label}'s loss stayed at {Numbers.Compact(r.FinalLoss)} (within a relative {Numbers.Compact(RunResult.PlateauTolerance)}) from epoch "
            + $"{OutcomeText.Epochs(r.PlateauSince!.Value)} to {OutcomeText.Epochs(r.Epochs)}: {OutcomeText.Epochs(r.Epochs - r.PlateauSince.Value)} epochs without progress.";
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
