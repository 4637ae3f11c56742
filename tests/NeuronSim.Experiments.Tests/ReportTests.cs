using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Training;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 8 items 17, 18 and 20: the report says what the runs did, shows the lab's section 3, and the CSV has one type per column.</summary>
public class ReportTests
{
    private static readonly ExperimentSetting Fast = ExperimentTestData.Setting("lr 10", Activation.Sigmoid, 10, 4, 4);
    private static readonly ExperimentSetting Flat = ExperimentTestData.Setting("(100,100)", Activation.Sigmoid, 1, 100, 100);
    private static readonly ExperimentSetting Blown = ExperimentTestData.Setting("identity, lr 1", Activation.Identity, 1, 4, 4);
    private static readonly ExperimentSetting Slow = ExperimentTestData.Setting("lr 1e-6", Activation.Sigmoid, 1e-6, 4, 4);

    [Fact]
    public void The_discussion_comes_from_the_runs_cap_plateau_and_kind_of_divergence()
    {
        var plan = ExperimentTestData.Plan(20_000, Fast, Flat, Blown, Slow) with { DataSets = ["xor"] };
        var table = Table(plan,
            Result(plan, Fast, TrainingStatus.Converged, 376, 0.00496, _ => 0.2),
            Result(plan, Flat, TrainingStatus.MaxEpochsReached, 20_000, 0.476190, e => e < 5 ? 0.3 : 0.476190),
            Result(plan, Blown, TrainingStatus.Diverged, 5, double.PositiveInfinity, e => Math.Pow(100, e)),
            Result(plan, Slow, TrainingStatus.MaxEpochsReached, 20_000, 0.36, e => 0.4 - e * 1e-6));

        var report = ReportWriter.Write(table, [], TimeSpan.FromSeconds(3), 2);

        Assert.DoesNotContain("100000", report);
        Assert.Contains("Did not converge in 20000 epochs", report);
        Assert.Contains("**Plateau**: (100,100)'s loss stayed at 0.4762", report);
        Assert.DoesNotContain("lr 1e-6's loss stayed", report);
        Assert.Contains("identity, lr 1: the loss overflowed to infinity at epoch 5", report);
        Assert.DoesNotContain("NaN at epoch", report);
        Assert.Contains("lr 10 in 376 epochs", report);
    }

    [Fact]
    public void A_NaN_divergence_is_called_NaN()
    {
        var plan = ExperimentTestData.Plan(100, Blown) with { DataSets = ["xor"] };
        var report = ReportWriter.Write(Table(plan, Result(plan, Blown, TrainingStatus.Diverged, 7, double.NaN, e => e)), [], TimeSpan.Zero, 1);
        Assert.Contains("the loss became NaN at epoch 7", report);
        Assert.DoesNotContain("infinity", report);
    }

    [Fact]
    public void Section_3_shows_the_labs_output_per_data_set()
    {
        var baseline = ExperimentTestData.Lab("baseline");
        var plan = new ExperimentPlan { Name = "baseline", Experiments = [baseline], DataSets = ["xor", "linear"], MaxEpochs = 10_000 };
        var setting = baseline.Settings[0];
        var table = Table(plan,
            Result(plan, setting, TrainingStatus.Converged, 3938, 0.0049, e => 1.0 / e, "xor"),
            Result(plan, setting, TrainingStatus.Converged, 3748, 0.0048, e => 2.0 / e, "linear"));

        var report = ReportWriter.Write(table, [], TimeSpan.Zero, 1);

        Assert.Contains("Converge in 3938 epoch!", report);
        Assert.Contains("Converge in 3748 epoch!", report);
        Assert.Contains("epoch: 100    loss: 0.01\n", report);
        Assert.Contains("epoch: 1000    loss: 0.001\n", report);
        Assert.Contains("... (24 more lines, one every 100 epochs) ...", report);
        Assert.Contains("epoch: 3900    loss: ", report);
        Assert.DoesNotContain("epoch: 1100 ", report);
        Assert.Contains("Test loss:      0.25", report);
        Assert.Contains("Test accuracy:  100.0%", report);
        Assert.Contains("[0.75]  label 1", report);
        Assert.Contains("... and 75 more", report);
    }

    [Fact]
    public void Every_csv_column_holds_one_type_and_is_empty_where_it_does_not_apply()
    {
        var plan = ExperimentTestData.Plan(20_000, Fast, Flat, Blown, Slow) with { DataSets = ["xor"] };
        var table = Table(plan,
            Result(plan, Fast, TrainingStatus.Converged, 376, 0.00496, _ => 0.2),
            Result(plan, Flat, TrainingStatus.MaxEpochsReached, 20_000, 0.476190, e => e < 5 ? 0.3 : 0.476190),
            Result(plan, Blown, TrainingStatus.Diverged, 5, double.PositiveInfinity, e => Math.Pow(100, e)),
            Result(plan, Slow, TrainingStatus.MaxEpochsReached, 20_000, 0.36, e => 0.4 - e * 1e-6));
        var lines = table.ToCsv().TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(line => header.Zip(ExperimentTestData.CsvCells(line)).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(4, rows.Count);
        foreach (var column in new[] { "seed", "epochs", "epochs_to_converge", "diverged_at_epoch", "plateau_since_epoch" })
        {
            Assert.All(rows, row => Assert.True(row[column] == "" || int.TryParse(row[column], out _), $"{column}: '{row[column]}'"));
        }
        foreach (var column in new[] { "learning_rate", "final_loss", "test_loss", "accuracy", "wall_time_s" })
        {
            Assert.All(rows, row => Assert.True(double.TryParse(row[column], System.Globalization.CultureInfo.InvariantCulture, out _), $"{column}: '{row[column]}'"));
        }
        Assert.All(rows, row => Assert.Contains(row["bias"], new[] { "true", "false" }));
        Assert.Equal(["converged", "did_not_converge", "diverged", "did_not_converge"], rows.Select(r => r["status"]));
        Assert.Equal(["376", "", "", ""], rows.Select(r => r["epochs_to_converge"]));
        Assert.Equal(["", "", "5", ""], rows.Select(r => r["diverged_at_epoch"]));
        Assert.Equal(["", "5", "", ""], rows.Select(r => r["plateau_since_epoch"]));
    }

    private static ResultsTable Table(ExperimentPlan plan, params RunResult[] results) => ResultsTable.Build(plan, results.ToDictionary(r => r.Id));

    private static RunResult Result(ExperimentPlan plan, ExperimentSetting setting, TrainingStatus status, int epochs, double loss, Func<int, double> curve, string dataSet = "xor")
    {
        var run = new PlannedRun(dataSet, setting, 1);
        var lossCurve = new LossCurve();
        var flatSince = 0;
        var level = double.NaN;
        var last = status == TrainingStatus.Diverged ? epochs - 1 : epochs;
        for (var e = 1; e <= last; e++)
        {
            lossCurve.Add(e, curve(e));
            if (!(Math.Abs(curve(e) - level) <= RunResult.PlateauTolerance * Math.Abs(level))) (flatSince, level) = (e, curve(e));
        }
        if (last > 0) lossCurve.Finish(last, curve(last));
        var points = DataSets.ByName(dataSet).Count;
        return new RunResult
        {
            Id = run.Id, DataSet = dataSet, Setting = setting, Seed = 1, Status = status, Epochs = epochs, FinalLoss = loss, TestLoss = 0.25,
            Accuracy = status == TrainingStatus.Converged ? 1 : 0.5, FlatSinceEpoch = flatSince, WallSeconds = 0.1, MaxEpochs = plan.MaxEpochs,
            TargetLoss = plan.TargetLoss, PlanHash = plan.Hash, Curve = lossCurve,
            Predictions = Enumerable.Repeat(0.75, points).ToArray(), Grid = new double[PredictionGrid.Size * PredictionGrid.Size],
        };
    }
}
