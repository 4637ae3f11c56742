using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

public class DataSetTests
{
    [Fact]
    public void Xor_has_the_labs_21_points()
    {
        var xor = DataSets.Xor();
        Assert.Equal(21, xor.Count);
        Assert.Equal(11, xor.Labels.Count(l => l == 0));
        Assert.Equal(10, xor.Labels.Count(l => l == 1));
        for (var k = 0; k < xor.Count; k++)
        {
            if (xor.Labels[k] == 0) Assert.Equal(xor.X0[k], xor.X1[k], 12);
            else Assert.Equal(1, xor.X0[k] + xor.X1[k], 12);
        }
        Assert.DoesNotContain(Enumerable.Range(0, xor.Count), k => xor.Labels[k] == 1 && Math.Abs(xor.X0[k] - 0.5) < 1e-9);
    }

    [Fact]
    public void Linear_labels_points_above_the_diagonal_1()
    {
        var linear = DataSets.Linear(100, seed: 4);
        Assert.Equal(100, linear.Count);
        for (var k = 0; k < linear.Count; k++)
        {
            Assert.InRange(linear.X0[k], 0, 1);
            Assert.InRange(linear.X1[k], 0, 1);
            Assert.Equal(linear.X0[k] > linear.X1[k] ? 0 : 1, linear.Labels[k]);
        }
        Assert.Equal(linear.X0, DataSets.Linear(100, seed: 4).X0);
        Assert.NotEqual(linear.X0, DataSets.Linear(100, seed: 5).X0);
    }

    [Fact]
    public void Unknown_names_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSets.ByName("spiral"));
        Assert.Contains("spiral", error.Message);
    }
}
