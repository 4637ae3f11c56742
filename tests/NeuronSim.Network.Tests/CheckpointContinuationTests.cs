using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>A run saved at epoch 500 and continued to 1000 equals an uninterrupted run of 1000 epochs, bit for bit.</summary>
public sealed class CheckpointContinuationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-continue-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("sgd", 0, 1.0)]
    [InlineData("momentum", 0, 0.1)]
    [InlineData("rmsprop", 0, 0.001)]
    [InlineData("adam", 0, 0.01)]
    [InlineData("adam", 8, 0.01)]
    [InlineData("nesterov", 5, 0.05)]
    public void Saved_at_500_and_continued_to_1000_equals_1000_in_one_go(string optimizer, int batch, double lr)
    {
        var spec = new NetworkSpec { Hidden = [4, 3], HiddenActivations = [Activation.Tanh, Activation.Sigmoid], Seed = 4 };
        var options = new TrainingOptions
        {
            LearningRate = lr, TargetLoss = 0, MaxEpochs = 1000, BatchSize = batch, L2 = 0.001,
            Optimizer = new OptimizerSettings { Kind = Systems.Optimizers.Parse(optimizer, "optimizer"), Beta2 = 0.99 },
        };
        using var whole = new TrainingSimulation(spec, DataSets.Xor(), options);
        whole.Step(1000);

        var path = Path.Combine(_dir, "half.safetensors");
        using (var first = new TrainingSimulation(spec, DataSets.Xor(), options with { MaxEpochs = 500 }))
        {
            first.Step(1000);
            Assert.Equal(500, first.Epoch);
            TrainingCheckpoint.Capture(first).Save(path);
        }
        var checkpoint = NetworkCheckpoint.Load(path);
        var saved = TrainingCheckpoint.Options(checkpoint)!;
        Assert.Equal(options with { MaxEpochs = saved.MaxEpochs }, saved);
        using var continued = new TrainingSimulation(checkpoint.ToSpec() with { Leak = TrainingCheckpoint.Leak(checkpoint)!.Value }, DataSets.Xor(), saved with { MaxEpochs = 1000 });
        TrainingCheckpoint.Restore(checkpoint, continued);
        Assert.Equal(500, continued.Epoch);

        Assert.Equal(TrainingStatus.MaxEpochsReached, continued.Step(1000));
        Assert.Equal(1000, continued.Epoch);
        Assert.Equal(whole.Context.LossHistory.Skip(500), continued.Context.LossHistory);
        Assert.Equal(whole.Loss, continued.Loss);
    }

    [Theory]
    [InlineData(0.0, 1000, TrainingStatus.MaxEpochsReached)]
    [InlineData(0.005, 3000, TrainingStatus.Converged)]
    public void A_run_saved_at_its_end_continued_to_the_same_limit_trains_no_further_epoch(double target, int epochs, TrainingStatus end)
    {
        // A run that stopped (converged, or at its epoch limit) and was saved then (train --save after its last epoch,
        // or after a Ctrl+C that came during its report) continued to the same limit equals the run itself.
        var spec = new NetworkSpec { Hidden = [4, 4], Seed = 1 };
        var options = new TrainingOptions { LearningRate = 1, TargetLoss = target, MaxEpochs = epochs, L2 = 1e-5 };
        var path = Path.Combine(_dir, "end.safetensors");
        int stoppedAt;
        double loss, penalty;
        using (var whole = new TrainingSimulation(spec, DataSets.Xor(), options))
        {
            Assert.Equal(end, whole.Step(epochs));
            (stoppedAt, loss, penalty) = (whole.Epoch, whole.Loss, whole.Context.Penalty);
            TrainingCheckpoint.Capture(whole).Save(path);
        }
        var checkpoint = NetworkCheckpoint.Load(path);
        using var continued = new TrainingSimulation(checkpoint.ToSpec(), DataSets.Xor(), TrainingCheckpoint.Options(checkpoint)! with { MaxEpochs = epochs });
        TrainingCheckpoint.Restore(checkpoint, continued);

        Assert.Equal(end, continued.Status);
        Assert.Equal(end, continued.Step(epochs));
        Assert.Equal(stoppedAt, continued.Epoch);
        Assert.Equal(loss, continued.Loss);
        Assert.Equal(penalty, continued.Context.Penalty); // the log line's "penalty:" too, though it was measured before the last update
    }
}
