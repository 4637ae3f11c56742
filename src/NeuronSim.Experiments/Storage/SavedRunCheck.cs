using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Storage;

/// <summary>
/// The one rule for a run file found on disk: it is reused only when it is exactly the planned run
/// (same data set, seed and setting to the last bit, same plan hash) and its content is whole and
/// consistent; otherwise the run is trained again and <see cref="Problem"/> says why.
/// </summary>
public static class SavedRunCheck
{
    /// <summary>Why <paramref name="saved"/> cannot stand for <paramref name="run"/> of <paramref name="plan"/>, or null when it can.</summary>
    /// <param name="saved">The run file's content.</param>
    /// <param name="run">The planned run.</param>
    /// <param name="plan">The plan (its hash and epoch cap).</param>
    /// <param name="points">How many points the run's data set has.</param>
    public static string? Problem(RunResult? saved, PlannedRun run, ExperimentPlan plan, int points)
    {
        if (saved is null) return "it is empty (null)";
        if (saved.Id != run.Id) return $"it holds the run '{ExperimentPreset.Shorten(saved.Id)}'";
        if (saved.DataSet != run.DataSet || saved.Seed != run.Seed) return "its data set or seed differs from its name";
        if (saved.Setting is null || saved.Setting.Problem() is not null || !saved.Setting.TrainsLike(run.Setting)) return "its setting differs from the planned one";
        if (saved.PlanHash != plan.Hash) return "it was trained under another plan (epoch cap, target loss or data differ)";
        if (saved.MaxEpochs != plan.MaxEpochs || !saved.TargetLoss.Equals(plan.TargetLoss)) return "its epoch cap or target loss differs from the plan's";
        if (saved.Status is not (TrainingStatus.Converged or TrainingStatus.MaxEpochsReached or TrainingStatus.Diverged)) return $"its status '{saved.Status}' is not an end of training";
        if (saved.Epochs < 0 || saved.Epochs > plan.MaxEpochs) return $"its epoch count {saved.Epochs} is outside 0..{plan.MaxEpochs}";
        if (saved.Status == TrainingStatus.MaxEpochsReached && saved.Epochs != plan.MaxEpochs) return "it stopped before the epoch cap without converging or diverging";
        if (saved.Diverged == double.IsFinite(saved.FinalLoss)) return "its final loss does not match its status";
        if (!(saved.Accuracy is >= 0 and <= 1)) return "its accuracy is not a fraction";
        if (!double.IsFinite(saved.WallSeconds) || saved.WallSeconds < 0) return "its wall time is not a duration";
        if (saved.FlatSinceEpoch < 0 || saved.FlatSinceEpoch > saved.Epochs) return "its plateau epoch is outside the run";
        if (CurveProblem(saved) is { } curve) return curve;
        if (saved.Predictions is null || saved.Predictions.Length != points) return $"it has {saved.Predictions?.Length ?? 0} predictions for {points} points";
        if (saved.TestPredictions is null || saved.TestPredictions.Length != saved.TestPoints || (saved.TestPoints > 0) != (run.Setting.TestRatio > 0)
            || (saved.HeldOutAccuracy is not null) != (saved.TestPoints > 0) || saved.HeldOutAccuracy is < 0 or > 1
            || (saved.TestCurve is not null) != (saved.TestPoints > 0) || saved.TestCurve?.Epochs?.Count != saved.TestCurve?.Losses?.Count) return "its held-out test results do not match its test ratio";
        if (saved.Grid is null || saved.Grid.Length != PredictionGrid.Size * PredictionGrid.Size) return "its decision grid is missing or cut";
        return null;
    }

    private static string? CurveProblem(RunResult saved)
    {
        var curve = saved.Curve;
        if (curve?.Epochs is null || curve.Losses is null) return "its loss curve is missing";
        if (curve.Epochs.Count != curve.Losses.Count) return "its loss curve has not as many losses as epochs";
        if (curve.Epochs.Count == 0 && !(saved.Diverged && saved.Epochs <= 1) && saved.Epochs > 0) return "its loss curve is empty";
        for (var i = 0; i < curve.Epochs.Count; i++)
        {
            if (!double.IsFinite(curve.Losses[i]) || curve.Epochs[i] < 0 || curve.Epochs[i] > saved.Epochs || (i > 0 && curve.Epochs[i] <= curve.Epochs[i - 1]))
            {
                return $"its loss curve is damaged at point {i}";
            }
        }
        if (!saved.Diverged && curve.Epochs.Count > 0 && curve.Epochs[^1] != saved.Epochs) return "its loss curve does not reach its last epoch";
        return null;
    }
}
