using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

public class DataBoundsTests
{
    [Fact]
    public void Bounds_are_the_points_extent_plus_five_percent()
    {
        var data = new DataSet("d", [-2, 0, 8], [1, 3, 2], [0, 1, 1]);
        Assert.Equal(-2.5, data.Bounds.MinX0, 12);
        Assert.Equal(8.5, data.Bounds.MaxX0, 12);
        Assert.Equal(0.9, data.Bounds.MinX1, 12);
        Assert.Equal(3.1, data.Bounds.MaxX1, 12);
        Assert.Equal(11, data.Bounds.Width, 12);
    }

    [Fact]
    public void A_flat_axis_still_gets_a_domain()
    {
        var bounds = new DataSet("d", [3, 3], [1, 2], [0, 1]).Bounds;
        Assert.Equal((2.5, 3.5), (bounds.MinX0, bounds.MaxX0));
        Assert.True(bounds.Height > 0);
    }

    [Theory]
    [InlineData("circle")]
    [InlineData("gauss")]
    [InlineData("spiral")]
    [InlineData("xor-quadrants")]
    public void Every_point_lies_inside_its_sets_bounds(string name)
    {
        var data = DataSets.ByName(name, noise: 0.5);
        Assert.All(Enumerable.Range(0, data.Count), k => Assert.True(data.Bounds.Contains(data.X0[k], data.X1[k])));
        Assert.Equal(data.X0.Min() - 0.05 * (data.X0.Max() - data.X0.Min()), data.Bounds.MinX0, 12);
        Assert.Equal(data.X1.Max() + 0.05 * (data.X1.Max() - data.X1.Min()), data.Bounds.MaxX1, 12);
    }
}
