using NeuronSim.Network.Model;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 9 item 11: the optimizers and batch experiments load, train, and say what they did.</summary>
public class BeyondTheLabTests
{
    [Fact]
    public void The_optimizers_preset_holds_sgd_momentum_rmsprop_and_adam_at_their_usual_rates()
    {
        var preset = ExperimentTestData.Lab("optimizers");
        Assert.Equal("optimizers", preset.Name);
        Assert.Equal([OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.RmsProp, OptimizerKind.Adam], preset.Settings.Select(s => s.Optimizer.Kind));
        Assert.Equal([1, 0.1, 0.01, 0.01], preset.Settings.Select(s => s.LearningRate));
        Assert.All(preset.Settings, s => Assert.Equal((LossKind.Mse, 0, "4,4"), (s.Loss, s.BatchSize, string.Join(',', s.Hidden))));
    }

    [Fact]
    public void The_batch_preset_holds_full_32_8_and_1_with_sgd()
    {
        var preset = ExperimentTestData.Lab("batch");
        Assert.Equal([0, 32, 8, 1], preset.Settings.Select(s => s.BatchSize));
        Assert.All(preset.Settings, s => Assert.Equal((OptimizerKind.Sgd, 1.0), (s.Optimizer.Kind, s.LearningRate)));
        Assert.Equal([0, 21, 8, 1], preset.Settings.Select(s => s.BatchSizeFor(21)));
    }

    [Fact]
    public void A_short_run_of_both_experiments_trains_every_setting_on_both_data_sets()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = new ExperimentPlan { Name = "beyond", Experiments = [ExperimentTestData.Lab("optimizers"), ExperimentTestData.Lab("batch")], DataSets = ["xor", "linear"], MaxEpochs = 200 };
            var (results, complete) = new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            Assert.True(complete);
            // the full batch of "batch" is the SGD setting of "optimizers": one run shared by both
            Assert.Equal(2 * (4 + 3), results.Count);
            Assert.All(results.Values, r => Assert.False(r.Diverged));
            var table = ResultsTable.Build(plan, results);
            double Loss(string experiment, string data, string label) =>
                table.Rows.Single(r => r.Experiment.Name == experiment && r.Run.DataSet == data && r.Setting.Label == label).Result!.FinalLoss;
            foreach (var data in new[] { "xor", "linear" })
            {
                var sgd = Loss("optimizers", data, "SGD, lr 1");
                Assert.All(new[] { "momentum 0.9, lr 0.1", "RMSprop, lr 0.01", "Adam, lr 0.01" }, label => Assert.NotEqual(sgd, Loss("optimizers", data, label)));
                Assert.NotEqual(sgd, Loss("batch", data, "batch 8"));
                Assert.NotEqual(sgd, Loss("batch", data, "batch 1"));
            }
            // 32 points on xor's 21: clamped, so one step per epoch over every point, the full batch's gradient
            Assert.Equal(Loss("batch", "xor", "full batch"), Loss("batch", "xor", "batch 32"), 1e-12);
            var csv = File.ReadAllLines(Path.Combine(directory, "results.csv"));
            var header = csv[0].Split(',');
            var adam = ExperimentTestData.CsvCells(csv.Single(l => l.Contains("Adam") && l.Contains(",xor,")));
            Assert.Equal("adam", adam[Array.IndexOf(header, "optimizer")]);
            Assert.Equal("0.999", adam[Array.IndexOf(header, "beta2")]);
            Assert.Equal("", adam[Array.IndexOf(header, "momentum")]);
            var b32 = ExperimentTestData.CsvCells(csv.Single(l => l.Contains("batch 32") && l.Contains(",xor,")));
            Assert.Equal("21", b32[Array.IndexOf(header, "batch_size")]);
        });
    }

    [Fact]
    public void The_batch_discussion_counts_optimizer_steps_and_names_the_clamped_batch()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = new ExperimentPlan { Name = "batch", Experiments = [ExperimentTestData.Lab("batch")], DataSets = ["xor"], MaxEpochs = 5000 };
            var (results, _) = new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            var table = ResultsTable.Build(plan, results);
            var epochsOfBatch1 = table.Rows.Single(r => r.Setting.BatchSize == 1).Result!;
            Assert.True(epochsOfBatch1.Converged);
            var report = ReportWriter.Write(table, [], TimeSpan.FromSeconds(1), 1);
            Assert.Contains($"batch 1 {epochsOfBatch1.Epochs * 21} steps (21 per epoch", report);
            Assert.Contains("**Identical**: full batch and batch 32 ended exactly alike", report);
            Assert.Contains("| batch 32 | (4,4) | sigmoid | 1 | yes | 32 (21 on xor: clamped to the data) |", report);
            Assert.DoesNotContain("| optimizer |", report);
        });
    }
}
