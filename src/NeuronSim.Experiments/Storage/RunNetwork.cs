using NeuronSim.Experiments.Plans;
using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Storage;

/// <summary>
/// A run's final network, kept beside its result as runs/ID.safetensors (a <see cref="NetworkCheckpoint"/>:
/// PyTorch's state_dict layout, loadable with <c>neuronsim train --load</c>). A diverged run keeps none.
/// </summary>
public static class RunNetwork
{
    /// <summary>The file of run <paramref name="id"/>, relative to the output directory.</summary>
    public static string FileOf(string id) => Path.Combine("runs", id + ".safetensors");

    /// <summary>
    /// The network of <paramref name="simulation"/> with what the run used (loss, optimizer and its
    /// settings, data seed); null when a weight is not a number (nothing worth keeping).
    /// </summary>
    public static NetworkCheckpoint? Capture(TrainingSimulation simulation, PlannedRun run, int dataSeed)
    {
        var network = NetworkCheckpoint.Capture(simulation);
        if (!network.Weights.Concat(network.Biases).All(values => values.All(double.IsFinite))) return null;
        var options = simulation.Options;
        var optimizer = Network.Systems.Optimizers.Of(options.Optimizer.Kind);
        var details = optimizer.Settings(options.Optimizer);
        var settings = $"lr={Numbers.RoundTrip(options.LearningRate)}" + (details.Length > 0 ? ", " + details : "")
            + (options.L1 > 0 ? $", l1={Numbers.RoundTrip(options.L1)}" : "") + (options.L2 > 0 ? $", l2={Numbers.RoundTrip(options.L2)}" : "")
            + (options.BatchSize > 0 ? $", batch_size={options.BatchSize}, shuffle_seed={options.ShuffleSeed}" : "");
        return network.WithMetadata(network.Metadata! with
        {
            Loss = Losses.Of(options.Loss).Name,
            Optimizer = optimizer.Name,
            OptimizerSettings = settings,
            DataSeed = Network.Data.DataSets.Entry(run.DataSet).TakesPoints ? dataSeed : null,
        });
    }

    /// <summary>
    /// Why the network file at <paramref name="path"/> cannot stand for <paramref name="saved"/>'s
    /// final network ("it is damaged: REASON", "it holds another network: ...", another epoch), or why the results the run
    /// file reports are not that network's (its loss, accuracy and predictions on the run's data, measured again: an edited
    /// number is caught), or null when it can.
    /// </summary>
    public static string? Problem(string path, RunResult saved, PlannedRun run, ExperimentPlan plan)
    {
        if (Directory.Exists(path)) return "is a directory";
        if (!File.Exists(path)) return "is missing";
        NetworkCheckpoint network;
        try
        {
            network = NetworkCheckpoint.Load(path);
        }
        catch (CheckpointException error)
        {
            return $"is damaged ({error.Reason})";
        }
        if (network.ConflictWith(run.Setting.ToSpec(run.Seed)) is { } conflict) return $"holds another network ({conflict})";
        if (network.Metadata is null || network.Epoch != saved.Epochs || network.Metadata.Seed != run.Seed)
        {
            return $"was saved at epoch {network.Epoch} with seed {network.Metadata?.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, the run ended at epoch {saved.Epochs} with seed {run.Seed}";
        }
        return ResultsProblem(network, saved, run, plan);
    }

    /// <summary>The run file's numbers against the network's own on the run's data (bit for bit: the same passes computed them).</summary>
    private static string? ResultsProblem(NetworkCheckpoint network, RunResult saved, PlannedRun run, ExperimentPlan plan)
    {
        var data = RunData.For(run, plan);
        using var simulation = new TrainingSimulation(run.Setting.ToSpec(run.Seed), data.Train,
            run.Setting.ToOptions(data.Train.Count, plan.MaxEpochs, plan.TargetLoss, run.Seed), data.Test);
        network.ApplyTo(simulation);
        var (loss, accuracy) = simulation.Evaluate();
        if (!saved.TestLoss.Equals(loss) || !saved.FinalLoss.Equals(loss)) return "does not give the loss its run file reports (the file was edited or is of another run)";
        if (!saved.Accuracy.Equals(accuracy)) return "does not give the accuracy its run file reports";
        if (saved.Converged != loss < plan.TargetLoss) return $"does not give the status '{saved.Status}' its run file reports";
        if (data.Test is { } test && simulation.Measure(test) is var (testLoss, testAccuracy)
            && (!Equals(saved.HeldOutLoss, testLoss) || !Equals(saved.HeldOutAccuracy, testAccuracy))) return "does not give the held-out results its run file reports";
        if (!simulation.PredictTraining().AsSpan().SequenceEqual(saved.Predictions)) return "does not give the predictions its run file reports";
        return null;
    }
}
