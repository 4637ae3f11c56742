using System.Text.Json.Nodes;
using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 11 item 2: each run keeps its final network beside its result; a damaged one makes the run train again.</summary>
public class RunNetworkTests
{
    private static readonly ExperimentSetting Adam = ExperimentTestData.Setting("adam", Activation.Sigmoid, 0.01, 3, 3) with
    {
        Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam },
        BatchSize = 5,
    };

    private static (ExperimentPlan Plan, RunStore Store, RunResult Result) TrainOne(string directory)
    {
        var store = RunStore.Open(directory);
        var plan = ExperimentTestData.Plan(120, Adam) with { DataSets = ["xor"], TargetLoss = 0 };
        var (results, _) = new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
        return (plan, store, Assert.Single(results.Values));
    }

    [Fact]
    public void The_network_beside_a_run_loads_and_gives_the_runs_loss_and_predictions()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var (plan, store, result) = TrainOne(directory);
            using var _ = store;
            Assert.Equal($"runs/{result.Id}.safetensors", result.Network);
            var network = NetworkCheckpoint.Load(Path.Combine(directory, result.Network));
            Assert.Equal(120, network.Epoch);
            Assert.Equal("adam", network.Metadata!.Optimizer);
            Assert.Contains("batch_size=5", network.Metadata.OptimizerSettings);
            var run = new PlannedRun("xor", Adam, 1);
            using var simulation = new TrainingSimulation(Adam.ToSpec(1), DataSets.Xor(), Adam.ToOptions(21, 120, 0, 1));
            network.ApplyTo(simulation);
            var (loss, accuracy) = simulation.Evaluate();
            // the final network's loss on every point is the run's test loss (its final loss is the mean over the last epoch's batches)
            Assert.Equal(result.TestLoss, loss);
            Assert.Equal(result.Accuracy, accuracy);
            Assert.Equal(result.Predictions, simulation.PredictTraining());
            Assert.Null(store.TryLoad(run, plan, 21).Problem);
        });
    }

    [Theory]
    [InlineData("truncate", "is damaged")]
    [InlineData("delete", "is missing")]
    [InlineData("other", "holds another network")]
    public void A_damaged_or_missing_network_makes_the_run_train_again_saying_why(string damage, string reason)
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var (plan, store, result) = TrainOne(directory);
            using var _ = store;
            var path = Path.Combine(directory, result.Network);
            switch (damage)
            {
                case "truncate":
                    File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
                    break;
                case "delete":
                    File.Delete(path);
                    break;
                default:
                    using (var other = new TrainingSimulation(new NetworkSpec { Hidden = [2] }, DataSets.Xor())) NetworkCheckpoint.Capture(other).Save(path);
                    break;
            }
            var events = new List<RunEvent>();
            var (results, complete) = new ExperimentRunner(plan, store).Run(new ListProgress(events), CancellationToken.None);
            Assert.True(complete);
            var redo = Assert.Single(events, e => e.Kind == RunEventKind.Retrained);
            Assert.Contains($"runs/{result.Id}.safetensors {reason}", redo.Note);
            Assert.Equal(result.TestLoss, Assert.Single(results.Values).TestLoss);
            Assert.Null(store.TryLoad(redo.Run, plan, 21).Problem);
        });
    }

    [Fact]
    public void A_run_file_from_before_networks_were_kept_is_trained_again()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var (plan, store, result) = TrainOne(directory);
            using var _ = store;
            var file = Path.Combine(store.RunsDirectory, result.Id + ".json");
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            json.Remove("network");
            File.WriteAllText(file, json.ToJsonString());
            var events = new List<RunEvent>();
            new ExperimentRunner(plan, store).Run(new ListProgress(events), CancellationToken.None);
            Assert.Contains("keeps no network", Assert.Single(events, e => e.Kind == RunEventKind.Retrained).Note);
        });
    }

    [Fact]
    public void A_diverged_run_keeps_no_network_and_is_reused_as_it_is()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = ExperimentTestData.Plan(500, ExperimentTestData.Setting("blow up", Activation.Identity, 1e6, 4, 4)) with { DataSets = ["linear"] };
            var (results, _) = new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            var result = Assert.Single(results.Values);
            Assert.True(result.Diverged);
            Assert.Equal("", result.Network);
            Assert.Empty(Directory.GetFiles(store.RunsDirectory, "*.safetensors"));
            var events = new List<RunEvent>();
            new ExperimentRunner(plan, store).Run(new ListProgress(events), CancellationToken.None);
            Assert.Equal(RunEventKind.Skipped, Assert.Single(events).Kind);
        });
    }
}
