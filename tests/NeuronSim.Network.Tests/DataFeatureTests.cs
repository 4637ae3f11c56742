using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

public class DataFeatureTests
{
    [Fact]
    public void Each_feature_computes_what_its_name_says()
    {
        var all = InputFeatures.Parse("x0,x1,x0sq,x1sq,x0x1,sinx0,sinx1");
        Span<double> values = stackalloc double[7];
        all.Compute(1.5, -2, values);
        Assert.Equal([1.5, -2, 2.25, 4, -3, Math.Sin(1.5), Math.Sin(-2)], values.ToArray());
    }

    [Fact]
    public void Columns_hold_one_feature_per_row_in_the_order_asked()
    {
        var features = InputFeatures.Parse(" x1sq , X0 ");
        Assert.Equal(["x1sq", "x0"], features.Names);
        Assert.Equal("x1sq,x0", features.ToString());
        var data = new DataSet("d", [1, 2, 3], [4, 5, -6], [0, 1, 0]);
        var columns = features.Columns(data);
        Assert.Equal([16, 25, 36], columns[0]);
        Assert.Equal([1, 2, 3], columns[1]);
    }

    [Fact]
    public void Grids_and_training_data_get_the_same_values()
    {
        var features = InputFeatures.Parse("x0x1,sinx1");
        var data = DataSets.ByName("spiral", 50);
        var columns = features.Columns(data);
        var values = new double[2];
        for (var k = 0; k < data.Count; k++)
        {
            features.Compute(data.X0[k], data.X1[k], values);
            Assert.Equal(values[0], columns[0][k]);
            Assert.Equal(values[1], columns[1][k]);
        }
    }

    [Fact]
    public void The_default_is_the_labs_raw_inputs()
    {
        Assert.Equal(["x0", "x1"], InputFeatures.Default.Names);
        Assert.Equal(["x0", "x1", "x0sq", "x1sq", "x0x1", "sinx0", "sinx1"], InputFeatures.Names);
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_accepted_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => InputFeatures.Parse("x0,cosx0"));
        Assert.Contains("'cosx0'", error.Message);
        foreach (var name in InputFeatures.Names) Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData("x0,x1,x0", "twice")]
    [InlineData("x0,X0", "twice")]
    [InlineData("x0,,x1", "empty")]
    [InlineData("", "empty")]
    public void Duplicates_and_empty_names_are_refused(string list, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => InputFeatures.Parse(list));
        Assert.Contains(reason, error.Message);
    }
}
