using NeuronSim.Benchmarking;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>The ECS systems against the plain dense reference: the correctness oracle of the fast paths.</summary>
public class DenseReferenceTests
{
    [Theory]
    [InlineData("xor", new[] { 4, 4 }, "sigmoid", true)]
    [InlineData("linear", new[] { 4, 4 }, "sigmoid", false)]
    [InlineData("linear", new[] { 10, 10 }, "sigmoid", true)]
    [InlineData("linear", new[] { 3, 5, 2 }, "tanh", true)]
    [InlineData("linear", new[] { 6 }, "identity", true)]
    [InlineData("linear", new[] { 40, 40 }, "sigmoid", true)]
    public void Ecs_loss_history_equals_the_dense_reference_over_1000_epochs(string data, int[] hidden, string activation, bool bias)
    {
        var kind = Enum.Parse<Activation>(activation, ignoreCase: true);
        // tanh on xor oscillates chaotically (at lr 1 rounding differences of 1e-16 grow tenfold every
        // three epochs; at lr 0.1 too, later), so tanh is compared on linear at lr 0.1, where training is stable.
        var lr = kind switch { Activation.Identity => 0.01, Activation.Tanh => 0.1, _ => 1.0 };
        var options = new TrainingOptions { LearningRate = lr, TargetLoss = 0, MaxEpochs = 1000 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, kind, bias, 5), DataSets.ByName(data), options);
        var dense = new DenseReference(simulation);

        simulation.Step(1000);
        for (var epoch = 0; epoch < 1000; epoch++) dense.Step();

        Assert.Equal(1000, simulation.Context.LossHistory.Count);
        for (var epoch = 0; epoch < 1000; epoch++)
        {
            var (ecs, reference) = (simulation.Context.LossHistory[epoch], dense.LossHistory[epoch]);
            Assert.True(Math.Abs(ecs - reference) <= 1e-9, $"epoch {epoch + 1}: ECS {ecs:R}, dense {reference:R}");
        }
    }

    [Fact]
    public void Wide_layers_that_run_on_two_cores_match_the_reference()
    {
        // 2-120-120-1 on 100 points: 120 x 120 x 104 multiply-adds per product, above the parallel threshold.
        var options = new TrainingOptions { TargetLoss = 0, MaxEpochs = 50 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([120, 120], Activation.Sigmoid, true, 2), DataSets.Linear(), options);
        Assert.True(120L * 120 * BatchKernels.Padded(100) >= BatchKernels.ParallelThreshold);
        var dense = new DenseReference(simulation);
        simulation.Step(50);
        for (var epoch = 0; epoch < 50; epoch++) dense.Step();
        for (var epoch = 0; epoch < 50; epoch++) Assert.Equal(dense.LossHistory[epoch], simulation.Context.LossHistory[epoch], 1e-9);
    }

    [Fact]
    public void Flop_count_of_the_400_400_linear_epoch_is_about_97_5_million()
    {
        var flops = FlopCount.PerEpoch([2, 400, 400, 1], 100);
        Assert.InRange(flops, 96e6, 98e6);
    }
}
