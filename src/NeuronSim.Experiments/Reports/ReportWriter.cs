using System.Globalization;
using System.Text;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// Writes REPORT.md: the settings used, then per experiment (the lab's sections 3, 4.1, 4.2, 4.3)
/// its settings, the lab's output (section 3), learning curves, the "Ground truth" / "Predict
/// result" figures, the results table and a discussion made from the runs' numbers.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report as Markdown.</summary>
    /// <param name="table">The results laid out along the plan.</param>
    /// <param name="figures">The figures in the output directory.</param>
    /// <param name="wallTime">How long this invocation took.</param>
    /// <param name="cores">Runs trained in parallel.</param>
    public static string Write(ResultsTable table, IReadOnlyList<ExperimentFigure> figures, TimeSpan wallTime, int cores)
    {
        var plan = table.Plan;
        var finished = table.Rows.Where(r => r.Result is not null).Select(r => r.Run.Id).Distinct().Count();
        var total = plan.DistinctRuns().Count;
        var runTime = table.Rows.Where(r => r.Result is not null).DistinctBy(r => r.Run.Id).Sum(r => r.Result!.WallSeconds);
        var text = new StringBuilder();
        text.Append("# Lab 1: back-propagation experiments, reproduced with NeuronSim\n\n");
        text.Append($"Generated {DateTimeOffset.Now:yyyy-MM-dd HH:mm} by `{(plan.CommandLine.Length > 0 ? plan.CommandLine : "neuronsim experiment " + plan.Name)}`. ");
        text.Append("This report stands in for the lab report's sections 3 (results of testing) and 4 (discussion): every figure below was drawn from the runs in `runs/`, and every number is in `results.csv`.\n\n");
        if (finished < total)
        {
            text.Append($"> **Incomplete:** {finished} of {total} runs finished. Resume with `neuronsim experiment --resume DIR`, DIR being the directory of this report.\n\n");
        }
        text.Append("## Settings used\n\n");
        text.Append($"- **Network**: {(plan.Experiments.All(e => e.Settings.All(s => s.Features is null)) ? "2 inputs" : "one input per feature of each setting (x0, x1 unless its table lists others)")}, the hidden layers of each setting, 1 output; fully connected; the activations of each setting (one name: every layer; \"relu,tanh/sigmoid\": per hidden layer / output; the lab's default: sigmoid, hidden (4,4)); biases {(AllBias(plan) ? "on" : "as listed")}.\n");
        text.Append($"- **Initial weights**: N(0, 1) draws; weight seed{(plan.Seeds > 1 ? "s" : "")} {string.Join(", ", plan.SeedList)}.\n");
        text.Append($"- **Training**: {SettingsTable.TrainingLine(plan)}\n");
        text.Append($"- **Stopping rule**: converged when the loss < {Numbers.Compact(plan.TargetLoss)}; otherwise \"did not converge\" after {plan.MaxEpochs.ToString(CultureInfo.InvariantCulture)} epochs; a NaN or infinite loss stops the run and is recorded as \"diverged at epoch N\" (its curve is drawn up to there).\n");
        text.Append($"- **Data** (data seed {plan.DataSeed.ToString(CultureInfo.InvariantCulture)}):\n{DataLine(plan)}");
        text.Append("- **Accuracy**: the fraction of the training points whose output predicts their label after training (an output >= 0.5 predicts 1, below 0.5 predicts 0, a NaN or infinite output predicts nothing and counts as wrong; the lab's \"test accuracy\" on the same points)"
            + (plan.Experiments.Any(e => e.Settings.Any(s => s.TestRatio > 0)) ? "; a setting with a held-out share also has the loss and accuracy of the trained network on those held-out points, which training never saw (\"test loss\", \"test accuracy\")" : "") + ".\n");
        text.Append($"- **Runs**: {total} distinct runs (a setting shared by several experiments runs once), {cores} at a time; wall time of this invocation {OutcomeText.Duration(wallTime)}, sum of the runs' times {OutcomeText.Duration(TimeSpan.FromSeconds(runTime))}.\n\n");
        foreach (var experiment in plan.Experiments)
        {
            WriteExperiment(text, table, experiment, figures.Where(f => f.Experiment == experiment.Name).ToList());
        }
        text.Append("## Files\n\n- `results.csv`, `results.md`: one row per run" + (plan.Seeds > 1 ? "; `summary.csv`: convergence rate and median epochs per setting" : "") + ".\n");
        text.Append("- `runs/*.json`: each run's result, loss curve and predictions; `runs/*.safetensors`: its final network (PyTorch's state_dict layout; `neuronsim train --load FILE` continues it; none for a diverged run).\n- `plan.json`: the settings above, used by `--resume`.\n");
        return text.ToString();
    }

    private static void WriteExperiment(StringBuilder text, ResultsTable table, ExperimentPreset experiment, List<ExperimentFigure> figures)
    {
        text.Append($"## {ResultsTable.Heading(experiment)}\n\n");
        if (experiment.Description.Length > 0) text.Append(experiment.Description).Append("\n\n");
        text.Append(SettingsTable.Markdown(experiment.Settings, table.Plan)).Append('\n');
        foreach (var dataSet in table.Plan.DataSetsOf(experiment))
        {
            text.Append($"### {experiment.Title}: {dataSet}\n\n");
            if (experiment.Section == "3" && LabRun(table, experiment, dataSet) is { } lab)
            {
                text.Append(LabLog.For(lab, RunData.For(dataSet, experiment.Settings[0], table.Plan).Train)).Append('\n');
            }
            foreach (var figure in figures.Where(f => f.DataSet == dataSet && f.Kind == FigureKind.LearningCurves))
            {
                text.Append($"![Learning curves, {experiment.Title}, {dataSet}]({figure.FileName})\n\n");
            }
            var comparisons = figures.Where(f => f.DataSet == dataSet && f.Kind == FigureKind.Comparison).ToList();
            if (comparisons.Count == 1)
            {
                text.Append($"![Ground truth and prediction, {dataSet}]({comparisons[0].FileName})\n\n");
            }
            else if (comparisons.Count > 1)
            {
                text.Append("Ground truth and prediction of each setting (seed " + table.Plan.FirstSeed.ToString(CultureInfo.InvariantCulture) + "):\n\n<table>\n");
                for (var i = 0; i < comparisons.Count; i += 2)
                {
                    text.Append("<tr>");
                    foreach (var figure in comparisons.Skip(i).Take(2))
                    {
                        text.Append($"<td><b>{figure.SettingLabel}</b><br><img src=\"{figure.FileName}\" width=\"440\"></td>");
                    }
                    text.Append("</tr>\n");
                }
                text.Append("</table>\n\n");
            }
            text.Append(Discussion.For(table, experiment, dataSet)).Append("\n\n");
        }
        text.Append("Results:\n\n").Append(table.MarkdownFor(experiment)).Append('\n');
        if (DataSetComparison.For(table, experiment) is { } comparison) text.Append(comparison).Append('\n');
    }

    /// <summary>The run the lab's section 3 shows: the experiment's first setting with the first seed.</summary>
    private static RunResult? LabRun(ResultsTable table, ExperimentPreset experiment, string dataSet) =>
        table.Rows.FirstOrDefault(r => r.Experiment == experiment && r.Run.DataSet == dataSet && r.Setting == experiment.Settings[0] && r.Run.Seed == table.Plan.FirstSeed)?.Result;

    /// <summary>
    /// Each data set the plan trains on: the catalogue's description and the sizes its runs use
    /// as a nested list, one line each ("  - spiral (500 points, 150 (30.0%) held out for testing): two interleaved spirals ...").
    /// </summary>
    public static string DataLine(ExperimentPlan plan) => string.Concat(plan.UsedDataSets.Select(name =>
    {
        var variants = plan.DistinctRuns().Where(run => run.DataSet == name).DistinctBy(RunData.KeyOf)
            .Select(run => (Data: RunData.For(run, plan), run.Setting.Noise, run.Setting.TestRatio))
            .Select(v => $"{Numbers.Count(v.Data.All.Count)} points" + (v.Noise > 0 ? $", noise {Numbers.Compact(v.Noise)}" : "")
                + (v.Data.Test is { } test ? $", {Numbers.Count(test.Count)} ({Numbers.Percent(v.TestRatio)}) held out for testing" : ""))
            .Distinct();
        return $"  - {name} ({string.Join(" or ", variants)}): {DataSets.Entry(name).Description}.\n";
    }));

    private static bool AllBias(ExperimentPlan plan) => plan.Experiments.All(e => e.Settings.All(s => s.UseBias));

}
