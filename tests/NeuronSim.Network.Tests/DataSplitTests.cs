using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

public class DataSplitTests
{
    private static HashSet<(double, double, double)> Points(DataSet data) =>
        [.. Enumerable.Range(0, data.Count).Select(k => (data.X0[k], data.X1[k], data.Labels[k]))];

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Train_and_test_are_disjoint_and_cover_the_set(double ratio)
    {
        var data = DataSets.ByName("spiral", 500, noise: 0.1);
        var split = DataSplit.Split(data, ratio, seed: 1);
        Assert.False(split.TestIsTraining);
        Assert.Equal(data.Count, split.Train.Count + split.Test.Count);
        var train = Points(split.Train);
        var test = Points(split.Test);
        Assert.Empty(train.Intersect(test));
        Assert.True(Points(data).SetEquals(train.Union(test)));
        Assert.Equal(Math.Round(500 * ratio), split.Test.Count);
    }

    [Fact]
    public void The_split_is_stratified()
    {
        var data = DataSets.ByName("xor-quadrants", 1000, seed: 3);
        var split = DataSplit.Split(data, 0.3, seed: 2);
        Assert.Equal(Math.Round(data.CountOf(1) * 0.3, MidpointRounding.AwayFromZero), split.Test.CountOf(1));
        Assert.Equal(Math.Round(data.CountOf(0) * 0.3, MidpointRounding.AwayFromZero), split.Test.CountOf(0));
    }

    [Fact]
    public void The_seed_decides_the_split()
    {
        var data = DataSets.ByName("circle", 300);
        var a = DataSplit.Split(data, 0.3, seed: 5);
        var b = DataSplit.Split(data, 0.3, seed: 5);
        var c = DataSplit.Split(data, 0.3, seed: 6);
        Assert.Equal(a.Test.X0, b.Test.X0);
        Assert.Equal(a.Train.X1, b.Train.X1);
        Assert.NotEqual(a.Test.X0, c.Test.X0);
    }

    [Fact]
    public void Both_halves_keep_the_name_the_bounds_and_the_order()
    {
        var data = DataSets.ByName("gauss", 200);
        var split = DataSplit.Split(data, 0.25, seed: 1);
        Assert.Equal(data.Bounds, split.Train.Bounds);
        Assert.Equal(data.Bounds, split.Test.Bounds);
        Assert.Equal("gauss", split.Test.Name);
        var position = data.X0.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);
        var order = split.Test.X0.Select(x => position[x]).ToArray();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void A_ratio_of_zero_tests_on_the_training_set_and_says_so()
    {
        var data = DataSets.Xor();
        var split = DataSplit.Split(data, 0, seed: 1);
        Assert.True(split.TestIsTraining);
        Assert.Same(data, split.Train);
        Assert.Same(data, split.Test);
    }

    [Fact]
    public void A_tiny_ratio_still_holds_one_point_out_and_training_keeps_both_classes()
    {
        var tiny = DataSplit.Split(DataSets.Xor(), 0.01, seed: 1);
        Assert.Equal(1, tiny.Test.Count);
        Assert.Equal(20, tiny.Train.Count);
        var big = DataSplit.Split(new DataSet("d", [0, 1, 2, 3], [0, 1, 2, 3], [0, 0, 0, 1]), 0.9, seed: 1);
        Assert.Equal(1, big.Train.CountOf(1));
        Assert.Equal(1, big.Train.CountOf(0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Ratios_outside_zero_to_one_are_refused(double ratio)
    {
        var error = Assert.Throws<ArgumentException>(() => DataSplit.Split(DataSets.Xor(), ratio, seed: 1));
        Assert.Contains("test ratio", error.Message);
    }
}
