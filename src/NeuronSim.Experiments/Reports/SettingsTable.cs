using System.Globalization;
using System.Text;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The table of an experiment's settings in REPORT.md: hidden units, activation, learning rate and
/// bias always; a column for each engine option (loss, optimizer, L1, L2, batch size, leak) only
/// when some setting moves it from the lab's default.
/// </summary>
public static class SettingsTable
{
    /// <summary>The Markdown table of <paramref name="settings"/>, batch sizes shown for the plan's data sets.</summary>
    public static string Markdown(IReadOnlyList<ExperimentSetting> settings, ExperimentPlan plan)
    {
        var columns = new List<(string Header, string Align, Func<ExperimentSetting, string> Cell)>
        {
            ("setting", "---", s => s.Label),
            ("hidden units", "---", s => s.HiddenText),
            ("activation", "---", s => s.ActivationText),
            ("learning rate", "---:", s => s.LearningRateText),
            ("bias", "---", s => s.UseBias ? "yes" : "no"),
        };
        if (settings.Any(s => s.UsesLeak)) columns.Add(("leak", "---:", s => s.UsesLeak ? Numbers.Compact(s.Leak) : ""));
        if (settings.Any(s => s.Loss != LossKind.Mse)) columns.Add(("loss", "---", s => Losses.Of(s.Loss).Name));
        if (settings.Any(s => s.Optimizer.Kind != OptimizerKind.Sgd)) columns.Add(("optimizer", "---", Optimizer));
        if (settings.Any(s => s.L1 > 0)) columns.Add(("L1", "---:", s => Numbers.Compact(s.L1)));
        if (settings.Any(s => s.L2 > 0)) columns.Add(("L2", "---:", s => Numbers.Compact(s.L2)));
        if (settings.Any(s => s.BatchSize > 0)) columns.Add(("batch size", "---", s => Batch(s, plan)));
        if (settings.Any(s => s.Data is not null)) columns.Add(("data", "---", s => s.Data ?? string.Join(", ", plan.DataSets)));
        if (settings.Any(s => s.Data is not null || s.Points is not null)) columns.Add(("points", "---", s => string.Join(", ", DataSetsOf(s, plan).Select(d => Points(d, s, plan)).Distinct())));
        if (settings.Any(s => s.Noise > 0)) columns.Add(("noise", "---:", s => Numbers.Compact(s.Noise)));
        if (settings.Any(s => s.Features is not null)) columns.Add(("features", "---", s => s.FeatureSet.ToString()));
        if (settings.Any(s => s.TestRatio > 0)) columns.Add(("held out for test", "---:", s => s.TestRatio > 0 ? Numbers.Percent(s.TestRatio) : "none"));
        var text = new StringBuilder();
        text.Append("| ").Append(string.Join(" | ", columns.Select(c => c.Header))).Append(" |\n|");
        text.Append(string.Join("|", columns.Select(c => c.Align))).Append("|\n");
        foreach (var setting in settings)
        {
            text.Append("| ").Append(string.Join(" | ", columns.Select(c => c.Cell(setting)))).Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>"adam (beta1 0.9, beta2 0.999, eps 1e-8)": the optimizer with every hyper-parameter it reads.</summary>
    public static string Optimizer(ExperimentSetting setting) =>
        Network.Systems.Optimizers.Of(setting.Optimizer.Kind).Name
        + (setting.OptimizerParameters.Count == 0 ? "" : $" ({string.Join(", ", setting.OptimizerParameters.Select(p => $"{p.Name} {Numbers.Compact(p.Value)}"))})");

    /// <summary>
    /// "full batch", "8", or "32 (21 on xor: clamped to the data)": a batch larger than a data set is
    /// that data set's size (one step per epoch, the points in shuffled order).
    /// </summary>
    public static string Batch(ExperimentSetting setting, ExperimentPlan plan)
    {
        if (setting.BatchSize == 0) return "full batch";
        var clamped = DataSetsOf(setting, plan).Select(d => (Data: d, Points: RunData.For(d, setting, plan).Train.Count)).Where(d => d.Points < setting.BatchSize).ToList();
        var size = setting.BatchSize.ToString(CultureInfo.InvariantCulture);
        return clamped.Count == 0 ? size : $"{size} ({string.Join(", ", clamped.Select(d => $"{d.Points} on {d.Data}"))}: clamped to the data)";
    }

    /// <summary>The points <paramref name="setting"/> generates of <paramref name="dataSet"/> in <paramref name="plan"/> (before any is held out).</summary>
    public static int Points(string dataSet, ExperimentSetting setting, ExperimentPlan plan) => RunData.For(dataSet, setting, plan).All.Count;

    /// <summary>The data sets <paramref name="setting"/> runs on: its own, or the plan's.</summary>
    public static IReadOnlyList<string> DataSetsOf(ExperimentSetting setting, ExperimentPlan plan) => setting.Data is { } own ? [own] : plan.DataSets;

    /// <summary>
    /// The report's "Training" line: the lab's (MSE, plain full-batch gradient descent) when every
    /// setting keeps it, else what varies, pointing at each experiment's settings table.
    /// </summary>
    public static string TrainingLine(ExperimentPlan plan)
    {
        var settings = plan.Experiments.SelectMany(e => e.Settings).ToList();
        const string lab = "mean squared error over all points; plain full-batch gradient descent, w <- w - lr * dL/dw; one epoch is one step";
        if (settings.All(s => s.Loss == LossKind.Mse && s.Optimizer.Kind == OptimizerKind.Sgd && s.L1 == 0 && s.L2 == 0 && s.BatchSize == 0)) return lab + ".";
        return "the lab's (" + lab + ") unless a setting's table says otherwise: its loss, optimizer (as torch.optim, with the hyper-parameters listed), "
            + "L1/L2 penalty on the weights (not the biases) and batch size. With mini-batches one epoch is one pass over the data, one optimizer step per batch, "
            + "the points shuffled each epoch with the run's seed, the last batch smaller when the size does not divide the data, and the epoch's loss the mean over its batches; "
            + "a batch size larger than the data set is clamped to it (one step per epoch).";
    }
}
