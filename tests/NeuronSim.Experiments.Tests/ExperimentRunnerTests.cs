using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;
using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Tests;

public class ExperimentRunnerTests
{
    private static readonly ExperimentSetting Default = ExperimentTestData.Setting("lr 1", Activation.Sigmoid, 1, 4, 4);

    [Fact]
    public void Identity_at_a_huge_rate_diverges_and_is_recorded()
    {
        var plan = ExperimentTestData.Plan(500);
        var run = new PlannedRun("linear", ExperimentTestData.Setting("identity lr 1e6", Activation.Identity, 1e6, 4, 4), 1);
        var result = ExperimentRunner.Train(run, RunData.Whole(DataSets.Linear()), plan, null, CancellationToken.None)!;
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.True(result.Diverged);
        Assert.False(double.IsFinite(result.FinalLoss));
        Assert.InRange(result.Epochs, 1, 499);
        Assert.All(result.Curve.Losses, loss => Assert.True(double.IsFinite(loss)));
        if (result.Curve.Epochs.Count > 0) Assert.True(result.Curve.Epochs[^1] < result.Epochs);
        Assert.Equal($"yes, at epoch {result.Epochs}", OutcomeText.Diverged(result));
    }

    [Fact]
    public void Sigmoid_at_learning_rate_1e6_is_a_recorded_result_not_a_crash()
    {
        var plan = ExperimentTestData.Plan(3000);
        var run = new PlannedRun("xor", ExperimentTestData.Setting("lr 1e6", Activation.Sigmoid, 1e6, 4, 4), 1);
        var result = ExperimentRunner.Train(run, RunData.Whole(DataSets.Xor()), plan, null, CancellationToken.None)!;
        Assert.False(result.Converged);
        if (result.Status == TrainingStatus.MaxEpochsReached)
        {
            Assert.Equal(3000, result.Epochs);
            Assert.Contains("loss flat since epoch", OutcomeText.PlateauNote(result));
        }
        else
        {
            Assert.Equal(TrainingStatus.Diverged, result.Status);
        }
    }

    [Fact]
    public void The_lab_default_converges_on_xor()
    {
        var plan = ExperimentTestData.Plan(10_000);
        var result = ExperimentRunner.Train(new PlannedRun("xor", Default, 1), RunData.Whole(DataSets.Xor()), plan, null, CancellationToken.None)!;
        Assert.True(result.Converged);
        Assert.Equal(1.0, result.Accuracy);
        Assert.Equal(21, result.Predictions.Length);
        Assert.Equal(PredictionGrid.Size * PredictionGrid.Size, result.Grid.Length);
        Assert.Equal(result.Epochs, result.Curve.Epochs[^1]);
        Assert.True(result.Curve.Losses[^1] < 0.005);
    }

    [Fact]
    public void Curves_are_sparse()
    {
        var curve = new LossCurve();
        for (var epoch = 1; epoch <= 100_000; epoch++) curve.Add(epoch, 1.0 / epoch);
        curve.Finish(100_000, 1e-5);
        Assert.Equal(1000 + 900 + 900, curve.Epochs.Count);
        Assert.Equal(100_000, curve.Epochs[^1]);
        Assert.True(curve.Epochs.Zip(curve.Epochs.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Runs_save_their_results_and_a_resume_skips_them()
    {
        var directory = ExperimentTestData.TempDirectory();
        try
        {
            var plan = ExperimentTestData.Plan(200, Default, ExperimentTestData.Setting("(2,2)", Activation.Sigmoid, 1, 2, 2)) with { Seeds = 2 };
            using var store = RunStore.Open(directory);
            store.SavePlan(plan);
            var events = new List<RunEvent>();
            var (results, complete) = new ExperimentRunner(plan, store) { Parallelism = 2 }.Run(new ListProgress(events), CancellationToken.None);
            Assert.True(complete);
            Assert.Equal(8, results.Count);
            Assert.Equal(8, Directory.GetFiles(store.RunsDirectory, "*.json").Length);
            Assert.Equal(8, events.Count(e => e.Kind == RunEventKind.Finished));

            var csv = File.ReadAllLines(Path.Combine(directory, "results.csv"));
            Assert.Equal(ResultsTable.CsvHeader, csv[0]);
            Assert.Equal(9, csv.Length);
            Assert.All(csv.Skip(1), line => Assert.Equal(ResultsTable.CsvHeader.Split(',').Length, ExperimentTestData.CsvCells(line).Count));
            Assert.Equal("(2,2)", ExperimentTestData.CsvCells(csv[3])[3]);
            Assert.True(File.Exists(Path.Combine(directory, "summary.csv")));

            var removed = results.Keys.First();
            File.Delete(Path.Combine(store.RunsDirectory, removed + ".json"));
            // the removed run is trained again (its network file rewritten); every other run's files stay untouched
            var stamps = Directory.GetFiles(store.RunsDirectory).Where(f => !Path.GetFileName(f).StartsWith(removed + ".", StringComparison.Ordinal)).ToDictionary(f => f, File.GetLastWriteTimeUtc);
            Assert.Equal(14, stamps.Count);
            var again = new List<RunEvent>();
            var (after, done) = new ExperimentRunner(RunStore.LoadPlan(directory), store).Run(new ListProgress(again), CancellationToken.None);
            Assert.True(done);
            Assert.Equal(8, after.Count);
            Assert.Equal(7, again.Count(e => e.Kind == RunEventKind.Skipped));
            Assert.Equal(removed, Assert.Single(again, e => e.Kind == RunEventKind.Finished).Run.Id);
            Assert.All(stamps, pair => Assert.Equal(pair.Value, File.GetLastWriteTimeUtc(pair.Key)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Cancelling_keeps_finished_runs_and_saves_nothing_half_done()
    {
        var directory = ExperimentTestData.TempDirectory();
        try
        {
            var plan = ExperimentTestData.Plan(100_000, ExperimentTestData.Setting("(1,1)", Activation.Sigmoid, 1e-6, 1, 1));
            using var store = RunStore.Open(directory);
            using var cancel = new CancellationTokenSource();
            var events = new List<RunEvent>();
            var progress = new ListProgress(events, e => { if (e.Kind == RunEventKind.Progress) cancel.Cancel(); });
            var (results, complete) = new ExperimentRunner(plan, store) { Parallelism = 1 }.Run(progress, cancel.Token);
            Assert.False(complete);
            Assert.Empty(results);
            Assert.Empty(Directory.GetFiles(store.RunsDirectory));
            Assert.Contains(events, e => e.Kind == RunEventKind.Cancelled);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Identical_settings_in_several_experiments_run_once()
    {
        var plan = new ExperimentPlan
        {
            Name = "all",
            Experiments = [ExperimentTestData.Lab("baseline"), ExperimentTestData.Lab("lr"), ExperimentTestData.Lab("hidden"), ExperimentTestData.Lab("no-activation")],
            DataSets = ["xor", "linear"],
        };
        Assert.Equal(2 * (1 + 5 + 6 + 3 - 2), plan.DistinctRuns().Count);
    }
}
