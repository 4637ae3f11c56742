using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Mini-batches: the schedule, the history, and no stale values in a smaller last batch.</summary>
public class MiniBatchTests
{
    [Theory]
    [InlineData(21, 7)]
    [InlineData(20, 7)]
    [InlineData(10, 1)]
    [InlineData(10, 10)]
    public void Every_point_is_used_exactly_once_per_epoch(int points, int batch)
    {
        var schedule = new BatchSchedule(points, batch, shuffleSeed: 4);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var seen = new List<int>();
            var batches = 0;
            do
            {
                schedule.Advance();
                Assert.InRange(schedule.Count, 1, batch);
                seen.AddRange(schedule.Current.ToArray());
                batches++;
            }
            while (!schedule.EndsEpoch);
            Assert.Equal(Enumerable.Range(0, points), seen.Order());
            Assert.Equal((points + batch - 1) / batch, batches);
        }
    }

    [Fact]
    public void Batches_are_reshuffled_every_epoch_and_the_full_batch_is_not()
    {
        var mini = new BatchSchedule(12, 4, shuffleSeed: 1);
        var orders = Enumerable.Range(0, 2).Select(_ => { mini.Advance(); var first = mini.Current.ToArray(); mini.Advance(); mini.Advance(); return first; }).ToArray();
        Assert.NotEqual(orders[0], orders[1]);
        var full = new BatchSchedule(12, 12, shuffleSeed: 1);
        full.Advance();
        Assert.Equal(Enumerable.Range(0, 12), full.Current.ToArray());
    }

    [Fact]
    public void The_same_shuffle_seed_gives_the_same_history_and_another_seed_another()
    {
        EpochHistory Run(int seed)
        {
            using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 1), DataSets.Xor(),
                new TrainingOptions { BatchSize = 5, ShuffleSeed = seed, TargetLoss = 0, MaxEpochs = 50 });
            simulation.Step(50);
            return simulation.Context.LossHistory;
        }
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(6)]
    [InlineData(2)]
    public void A_smaller_last_batch_leaves_no_stale_value_in_the_padding(int batchSize)
    {
        // 21 points in batches of 8: 8, 8, 5. The 5-point batch runs over a padded length of 8, where the
        // previous batch's values sat. Batches of 6 end with 3 points and batches of 2 with 1: a pass then
        // computes 4 columns of vectors padded to 8, and the 4 past them still hold an earlier batch's values.
        // Before every batch, poison every neuron vector with NaN: a step that read anything it did not
        // write itself (a stale padding entry) would turn a gradient into NaN.
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 1), DataSets.Xor(),
            new TrainingOptions { BatchSize = batchSize, TargetLoss = 0 });
        var context = simulation.Context;
        for (var batch = 0; batch < 30; batch++)
        {
            foreach (var layer in simulation.Topology.Layers)
            {
                foreach (var vector in layer.Out.Concat(layer.Delta)) vector.AsSpan().Fill(double.NaN);
            }
            simulation.Pipeline.Evaluate.Tick(context);
            simulation.Pipeline.Gradients.Tick(context);
            Assert.True(simulation.Topology.WeightGrads.All(double.IsFinite), $"batch {batch} ({context.Samples} points): a gradient is not finite");
            simulation.Pipeline.Update.Tick(context);
        }
        Assert.Equal(30 / ((21 + batchSize - 1) / batchSize), simulation.Epoch);
        Assert.All(context.LossHistory, loss => Assert.True(double.IsFinite(loss)));
    }

    [Fact]
    public void The_epoch_loss_is_the_mean_over_its_points_of_each_batch_loss()
    {
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Activation.Sigmoid, true, 2), DataSets.Xor(),
            new TrainingOptions { BatchSize = 8, TargetLoss = 0 });
        var weighted = 0.0;
        var points = 0;
        do
        {
            simulation.Pipeline.Evaluate.Tick(simulation.Context);
            weighted += simulation.Context.BatchLoss * simulation.Context.Samples;
            points += simulation.Context.Samples;
            simulation.Pipeline.Gradients.Tick(simulation.Context);
            simulation.Pipeline.Update.Tick(simulation.Context);
        }
        while (!simulation.Context.Schedule.EndsEpoch);
        Assert.Equal(21, points);
        Assert.Equal(1, simulation.Epoch);
        Assert.Equal(weighted / 21, simulation.Context.LossHistory[0], 14);
    }
}
