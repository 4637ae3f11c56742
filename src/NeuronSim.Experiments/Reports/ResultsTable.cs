using System.Globalization;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using System.Text;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The results of a plan as rows (one per experiment, data set, setting and seed) with the CSV and
/// Markdown renderings, and, with several seeds, the convergence rate and median epochs per setting.
/// </summary>
public sealed class ResultsTable
{
    /// <summary>
    /// The CSV header. One type per column, empty where it does not apply: text (experiment,
    /// section, data, setting, activation), hidden "4x4", learning_rate and the losses as round-trip
    /// numbers (a diverged run's final_loss and test_loss are NaN or Infinity), bias true/false,
    /// status converged|did_not_converge|diverged, whole numbers for seed and the epoch columns
    /// (epochs_to_converge only for converged runs, diverged_at_epoch only for diverged runs,
    /// plateau_since_epoch only for runs that ended on a plateau), accuracy a fraction in [0, 1];
    /// then the engine's options: loss and optimizer names, the optimizer's hyper-parameters
    /// (round-trip, only those it reads), l1 and l2, batch_size (the points per step actually used:
    /// the data's size for the full batch or a larger size) and leak (only with a leaky-relu layer);
    /// then the data: points (whole number, the generated set's size), noise (round-trip), features
    /// (text, "x0,x1,x0sq"), test_ratio (round-trip, 0 without a held-out set), test_points (whole
    /// number), test_set_loss and test_accuracy (the held-out points' loss, round-trip, and accuracy
    /// in [0, 1]; empty without a held-out set).
    /// </summary>
    public const string CsvHeader = "experiment,section,data,setting,hidden,activation,learning_rate,bias,seed,status,epochs,epochs_to_converge,diverged_at_epoch,plateau_since_epoch,final_loss,test_loss,accuracy,wall_time_s,"
        + "loss,optimizer,momentum,beta1,beta2,eps,alpha,l1,l2,batch_size,leak,points,noise,features,test_ratio,test_points,test_set_loss,test_accuracy";

    private ResultsTable(ExperimentPlan plan, IReadOnlyList<ResultsRow> rows)
    {
        Plan = plan;
        Rows = rows;
    }

    /// <summary>The plan the rows belong to.</summary>
    public ExperimentPlan Plan { get; }

    /// <summary>Every planned row, finished or not, in plan order.</summary>
    public IReadOnlyList<ResultsRow> Rows { get; }

    /// <summary>Lays out <paramref name="results"/> (by run id) along <paramref name="plan"/>.</summary>
    public static ResultsTable Build(ExperimentPlan plan, IReadOnlyDictionary<string, RunResult> results) =>
        new(plan, (from experiment in plan.Experiments
                   from dataSet in plan.DataSetsOf(experiment)
                   from pair in plan.RunsOf(experiment, dataSet)
                   select new ResultsRow(experiment, pair.Setting, pair.Run, results.GetValueOrDefault(pair.Run.Id))).ToList());

    /// <summary>The name of the CSV file with one row per run.</summary>
    public const string CsvFile = "results.csv";

    /// <summary>results.csv: one row per finished run, in plan order.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var row in Rows)
        {
            if (row.Result is { } r) text.Append(CsvLine(row, r));
        }
        return text.ToString();
    }

    /// <summary>One line of results.csv (with its newline): <paramref name="row"/> with its result <paramref name="r"/>.</summary>
    public static string CsvLine(ResultsRow row, RunResult r)
    {
        string[] cells =
        [
            row.Experiment.Name, row.Experiment.Section, row.Run.DataSet, row.Setting.Label, string.Join('x', row.Setting.Hidden),
            row.Setting.ActivationText, Numbers.RoundTrip(row.Setting.LearningRate), row.Setting.UseBias ? "true" : "false",
            Int(r.Seed), OutcomeText.Status(r).Replace(' ', '_'), Int(r.Epochs), r.Converged ? Int(r.Epochs) : "", r.Diverged ? Int(r.Epochs) : "",
            r.PlateauSince is { } plateau ? Int(plateau) : "", Numbers.RoundTrip(r.FinalLoss), Numbers.RoundTrip(r.TestLoss), Numbers.RoundTrip(r.Accuracy),
            Numbers.RoundTrip(Math.Round(r.WallSeconds, 3)),
            .. EngineCells(row.Setting, r.Predictions.Length),
            Int(r.Predictions.Length + r.TestPoints), Numbers.RoundTrip(row.Setting.Noise), row.Setting.FeatureSet.ToString(), Numbers.RoundTrip(row.Setting.TestRatio),
            Int(r.TestPoints), r.HeldOutLoss is { } heldLoss ? Numbers.RoundTrip(heldLoss) : "", r.HeldOutAccuracy is { } heldAccuracy ? Numbers.RoundTrip(heldAccuracy) : "",
        ];
        return string.Join(',', cells.Select(Csv)) + "\n";
    }

    /// <summary>The cells of the engine's options, from loss to leak, for a setting trained on <paramref name="points"/> points.</summary>
    private static string[] EngineCells(ExperimentSetting s, int points)
    {
        var parameters = s.OptimizerParameters.ToDictionary(p => p.Name, p => Numbers.RoundTrip(p.Value));
        var batch = s.BatchSizeFor(points);
        return
        [
            Losses.Of(s.Loss).Name, Network.Systems.Optimizers.Of(s.Optimizer.Kind).Name,
            .. new[] { "momentum", "beta1", "beta2", "eps", "alpha" }.Select(name => parameters.GetValueOrDefault(name, "")),
            Numbers.RoundTrip(s.L1), Numbers.RoundTrip(s.L2), Int(batch == 0 ? points : batch), s.UsesLeak ? Numbers.RoundTrip(s.Leak) : "",
        ];
    }

    /// <summary>summary.csv: per experiment, data set and setting, the convergence rate and median epochs over the seeds.</summary>
    public string SummaryCsv()
    {
        var text = new StringBuilder("experiment,data,setting,runs,converged,convergence_rate,median_epochs_to_converge,diverged,median_final_loss\n");
        foreach (var s in Summaries())
        {
            text.Append(string.Join(',', new[]
            {
                s.Experiment.Name, s.DataSet, s.Setting.Label, Int(s.Runs), Int(s.Converged), Numbers.RoundTrip(s.ConvergenceRate),
                s.MedianEpochs is { } m ? Numbers.RoundTrip(m) : "", Int(s.Diverged), Numbers.RoundTrip(s.MedianFinalLoss),
            }.Select(Csv))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>results.md: every experiment's table (and the summary over seeds).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder($"# Results: {Plan.Name}\n\n");
        text.Append($"Stop at loss < {Numbers.Compact(Plan.TargetLoss)} or {Plan.MaxEpochs} epochs; seeds {string.Join(", ", Plan.SeedList)}.\n\n");
        foreach (var experiment in Plan.Experiments)
        {
            text.Append($"## {Heading(experiment)}\n\n").Append(MarkdownFor(experiment)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The Markdown table of one experiment (all data sets), plus its summary over seeds when there are several.</summary>
    public string MarkdownFor(ExperimentPreset experiment)
    {
        var rows = Rows.Where(r => r.Experiment == experiment).ToList();
        var heldOut = rows.Any(r => r.Setting.TestRatio > 0);
        var text = new StringBuilder(heldOut
            ? "| data | setting | seed | epochs to converge | final loss | accuracy | test loss | test accuracy | diverged | wall time |\n|---|---|---:|---:|---:|---:|---:|---:|---|---:|\n"
            : "| data | setting | seed | epochs to converge | final loss | accuracy | diverged | wall time |\n|---|---|---:|---:|---:|---:|---|---:|\n");
        foreach (var row in rows)
        {
            if (row.Result is not { } r)
            {
                text.Append($"| {row.Run.DataSet} | {row.Setting.Label} | {row.Run.Seed} | (not finished) | | |{(heldOut ? " | |" : "")} | |\n");
                continue;
            }
            var epochs = r.Converged ? Int(r.Epochs) : $"did not converge ({Int(r.Epochs)} epochs{OutcomeText.PlateauNote(r)})";
            var test = !heldOut ? "" : r.HeldOutAccuracy is { } testAccuracy
                ? $" {Numbers.Compact(r.HeldOutLoss ?? double.NaN)} ({Int(r.TestPoints)} points) | {Numbers.Percent(testAccuracy)} |"
                : " - | - |";
            text.Append($"| {row.Run.DataSet} | {row.Setting.Label} | {r.Seed} | {epochs} | {Numbers.Compact(r.FinalLoss)} | {Numbers.Percent(r.Accuracy)} |{test} {OutcomeText.Diverged(r)} | {OutcomeText.Duration(TimeSpan.FromSeconds(r.WallSeconds))} |\n");
        }
        if (Plan.Seeds > 1)
        {
            text.Append("\n| data | setting | converged | convergence rate | median epochs (converged runs) | diverged |\n|---|---|---:|---:|---:|---:|\n");
            foreach (var s in Summaries().Where(s => s.Experiment == experiment))
            {
                text.Append($"| {s.DataSet} | {s.Setting.Label} | {s.Converged}/{s.Runs} | {Numbers.Percent(s.ConvergenceRate)} | {(s.MedianEpochs is { } m ? Numbers.Compact(m) : "-")} | {s.Diverged} |\n");
            }
        }
        return text.ToString();
    }

    /// <summary>Per experiment, data set and setting: the finished seeds' statistics.</summary>
    public IEnumerable<SettingSummary> Summaries() =>
        from row in Rows
        where row.Result is not null
        group row.Result! by (row.Experiment, row.Run.DataSet, row.Setting) into g
        let converged = g.Where(r => r.Converged).Select(r => (double)r.Epochs).ToList()
        select new SettingSummary(g.Key.Experiment, g.Key.DataSet, g.Key.Setting, g.Count(), converged.Count,
            (double)converged.Count / g.Count(), converged.Count > 0 ? Median(converged) : null, g.Count(r => r.Diverged),
            Median(g.Select(r => r.FinalLoss).ToList()));

    /// <summary>"4.1 Different learning rates".</summary>
    public static string Heading(ExperimentPreset experiment) => experiment.Section.Length > 0 ? $"{experiment.Section} {experiment.Title}" : experiment.Title;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n == 0 ? double.NaN : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static string Csv(string cell) => cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
