using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using Xunit.Abstractions;

namespace NeuronSim.Network.Tests;

/// <summary>
/// NeuronSim's training checked against an independent numpy implementation
/// (tests/interop/xor_numpy.py), through checkpoint files in both directions: 1000 epochs of
/// sigmoid, MSE, full-batch SGD at lr 1 on the lab's xor points, loss by loss to 1e-9 relative.
/// Where torch is installed too, the same against nn.Sequential and torch.optim.SGD
/// (tests/interop/torch_sequential.py).
/// </summary>
public sealed class CheckpointInteropTests(ITestOutputHelper output) : IDisposable
{
    private const int Epochs = 1000;
    private const double Tolerance = 1e-9;
    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-interop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [PythonTheory]
    [InlineData(new[] { 4, 4 }, true, 1)]
    [InlineData(new[] { 3 }, false, 2)]
    [InlineData(new[] { 8, 6, 4 }, true, 3)]
    public void A_checkpoint_NeuronSim_saved_at_epoch_0_trains_in_numpy_to_the_same_losses(int[] hidden, bool bias, int seed)
    {
        var spec = NetworkSpec.Uniform(hidden, Activation.Sigmoid, bias, seed);
        var file = Path.Combine(_dir, "epoch0.safetensors");
        using (var saved = new TrainingSimulation(spec, DataSets.Xor(), Options)) NetworkCheckpoint.Capture(saved).Save(file);

        var numpy = CheckpointPython.Losses(CheckpointPython.Run("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", $"{Epochs}"));

        var checkpoint = NetworkCheckpoint.Load(file);
        using var loaded = new TrainingSimulation(checkpoint.ToSpec() with { Seed = seed + 100 }, DataSets.Xor(), Options);
        checkpoint.ApplyTo(loaded);
        loaded.Step(Epochs);
        AssertSameLosses("numpy", numpy, loaded.Context.LossHistory);
    }

    [PythonTheory]
    [InlineData(new[] { 4, 4 }, true, 5)]
    [InlineData(new[] { 6 }, false, 6)]
    public void Adam_from_a_checkpoint_at_epoch_0_trains_in_numpy_to_the_same_losses(int[] hidden, bool bias, int seed)
    {
        var spec = NetworkSpec.Uniform(hidden, Activation.Sigmoid, bias, seed);
        var adam = Options with { LearningRate = 0.01, Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam } };
        var file = Path.Combine(_dir, "adam0.safetensors");
        using (var saved = new TrainingSimulation(spec, DataSets.Xor(), adam)) TrainingCheckpoint.Capture(saved).Save(file);

        var numpy = CheckpointPython.Losses(CheckpointPython.Run("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", $"{Epochs}",
            "--optimizer", "adam", "--lr", "0.01"));

        var checkpoint = NetworkCheckpoint.Load(file);
        using var loaded = new TrainingSimulation(checkpoint.ToSpec(), DataSets.Xor(), TrainingCheckpoint.Options(checkpoint)! with { MaxEpochs = Epochs });
        TrainingCheckpoint.Restore(checkpoint, loaded);
        loaded.Step(Epochs);
        AssertSameLosses("numpy adam", numpy, loaded.Context.LossHistory);
    }

    [PythonTheory]
    [InlineData("4,4", false, 7)]
    [InlineData("4,4", true, 8)]
    [InlineData("5,3", true, 9)]
    public void Initial_weights_numpy_wrote_load_and_train_in_NeuronSim_to_the_same_losses(string hidden, bool noBias, int seed)
    {
        var file = Path.Combine(_dir, "numpy-init.safetensors");
        string[] init = ["init", file, "--hidden", hidden, "--seed", $"{seed}", .. noBias ? new[] { "--no-bias" } : []];
        CheckpointPython.Run(init);
        var numpy = CheckpointPython.Losses(CheckpointPython.Run("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", $"{Epochs}"));

        var checkpoint = NetworkCheckpoint.Load(file);
        Assert.Null(checkpoint.Metadata);
        Assert.Equal([2, .. hidden.Split(',').Select(int.Parse), 1], checkpoint.LayerSizes);
        Assert.Equal(!noBias, checkpoint.UseBias);
        using var simulation = new TrainingSimulation(checkpoint.ToSpec(Activation.Sigmoid), DataSets.Xor(), Options);
        checkpoint.ApplyTo(simulation);
        simulation.Step(Epochs);
        AssertSameLosses("numpy", numpy, simulation.Context.LossHistory);
    }

    [PythonFact]
    public void The_scripts_own_xor_points_are_the_labs()
    {
        var file = Path.Combine(_dir, "epoch0.safetensors");
        using (var saved = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 1), DataSets.Xor(), Options))
        {
            NetworkCheckpoint.Capture(saved).Save(file);
        }
        var fromCsv = CheckpointPython.Run("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", "3");
        Assert.Equal(fromCsv, CheckpointPython.Run("train", file, "--epochs", "3"));
    }

    [TorchFact]
    public void A_checkpoint_NeuronSim_saved_loads_strictly_into_nn_Sequential_and_trains_in_PyTorch_to_the_same_losses()
    {
        var file = Path.Combine(_dir, "epoch0.safetensors");
        using (var saved = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 4), DataSets.Xor(), Options))
        {
            NetworkCheckpoint.Capture(saved).Save(file);
        }
        var torch = CheckpointPython.Losses(CheckpointPython.RunTorch("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", $"{Epochs}"));

        var checkpoint = NetworkCheckpoint.Load(file);
        using var loaded = new TrainingSimulation(checkpoint.ToSpec(), DataSets.Xor(), Options);
        checkpoint.ApplyTo(loaded);
        loaded.Step(Epochs);
        AssertSameLosses("PyTorch", torch, loaded.Context.LossHistory);
    }

    [TorchFact]
    public void The_float32_state_dict_of_a_fresh_nn_Sequential_loads_widened_and_trains_in_NeuronSim_as_in_PyTorch()
    {
        var file = Path.Combine(_dir, "torch-init.safetensors");
        CheckpointPython.RunTorch("save", file, "--hidden", "4,4", "--seed", "5");
        var torch = CheckpointPython.Losses(CheckpointPython.RunTorch("train", file, "--points", PointsCsv(DataSets.Xor()), "--epochs", $"{Epochs}"));

        var checkpoint = NetworkCheckpoint.Load(file);
        Assert.Null(checkpoint.Metadata);
        Assert.All(checkpoint.Weights.SelectMany(w => w), w => Assert.Equal(w, (float)w));
        using var simulation = new TrainingSimulation(checkpoint.ToSpec(), DataSets.Xor(), Options);
        checkpoint.ApplyTo(simulation);
        simulation.Step(Epochs);
        AssertSameLosses("PyTorch", torch, simulation.Context.LossHistory);
    }

    private static TrainingOptions Options => new() { LearningRate = 1, TargetLoss = 0, MaxEpochs = Epochs };

    private string PointsCsv(DataSet data)
    {
        var path = Path.Combine(_dir, $"{data.Name}.csv");
        File.WriteAllLines(path, Enumerable.Range(0, data.Count)
            .Select(k => $"{Numbers.RoundTrip(data.X0[k])},{Numbers.RoundTrip(data.X1[k])},{Numbers.RoundTrip(data.Labels[k])}"));
        return path;
    }

    /// <summary>The independent implementation's losses (<paramref name="reference"/>, from <paramref name="who"/>) against NeuronSim's, epoch by epoch.</summary>
    private void AssertSameLosses(string who, double[] reference, IReadOnlyList<double> neuronSim)
    {
        Assert.Equal(Epochs, reference.Length);
        Assert.Equal(Epochs, neuronSim.Count);
        var worst = Enumerable.Range(0, Epochs).MaxBy(k => Relative(reference[k], neuronSim[k]));
        output.WriteLine($"loss {Numbers.RoundTrip(reference[0])} -> {Numbers.RoundTrip(reference[^1])} in {who}; largest relative difference "
            + $"{Numbers.Scientific(Relative(reference[worst], neuronSim[worst]))} at epoch {worst + 1}");
        Assert.True(reference[^1] < reference[0] * 0.995, "the network should learn something in 1000 epochs");
        for (var k = 0; k < Epochs; k++)
        {
            Assert.True(Relative(reference[k], neuronSim[k]) <= Tolerance,
                $"epoch {k + 1}: {who} {Numbers.RoundTrip(reference[k])}, NeuronSim {Numbers.RoundTrip(neuronSim[k])}");
        }
    }

    private static double Relative(double expected, double actual) => Math.Abs(actual - expected) / Math.Abs(expected);
}
