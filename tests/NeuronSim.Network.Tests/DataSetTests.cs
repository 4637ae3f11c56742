using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

public class DataSetTests
{
    [Fact]
    public void Xor_has_the_labs_21_points()
    {
        var xor = DataSets.Xor();
        Assert.Equal(21, xor.Count);
        Assert.Equal(11, xor.CountOf(0));
        Assert.Equal(10, xor.CountOf(1));
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

    [Theory]
    [InlineData(100, 1)]
    [InlineData(37, 9)]
    public void Linear_draws_the_same_points_as_the_lab_did(int n, int seed)
    {
        // The lab's recipe, spelled out: pairs of NextDouble from new Random(seed).
        var random = new Random(seed);
        var linear = DataSets.ByName("linear", n, seed);
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(random.NextDouble(), linear.X0[k]);
            Assert.Equal(random.NextDouble(), linear.X1[k]);
        }
    }

    [Fact]
    public void The_labs_sets_are_drawn_on_exactly_the_unit_square()
    {
        Assert.Equal(new DataBounds(0, 1, 0, 1), DataSets.Xor().Bounds);
        Assert.Equal(DataBounds.UnitSquare, DataSets.ByName("linear", 5, 3).Bounds);
    }

    [Fact]
    public void The_catalogue_names_every_set_once_and_generates_it_by_name()
    {
        Assert.Equal(["xor", "linear", "circle", "gauss", "spiral", "xor-quadrants"], DataSets.Names);
        Assert.Equal(DataSets.Names.Length, DataSets.Names.Distinct().Count());
        foreach (var entry in DataSets.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Description));
            var data = DataSets.ByName(entry.Name.ToUpperInvariant());
            Assert.Equal(entry.Name, data.Name);
            Assert.Equal(entry.DefaultPoints, data.Count);
        }
    }

    [Fact]
    public void Sets_that_take_no_points_or_noise_ignore_them()
    {
        Assert.False(DataSets.Entry("xor").TakesPoints);
        Assert.False(DataSets.Entry("linear").TakesNoise);
        Assert.Equal(21, DataSets.ByName("xor", 500, noise: 0.3).Count);
        Assert.Equal(DataSets.ByName("linear", 50, 2).X0, DataSets.ByName("linear", 50, 2, noise: 0.4).X0);
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_accepted_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSets.ByName("spirals"));
        Assert.Contains("'spirals'", error.Message);
        foreach (var name in DataSets.Names) Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(DataSets.MaxPoints + 1, 0)]
    [InlineData(100, -0.1)]
    [InlineData(100, 0.51)]
    [InlineData(100, double.NaN)]
    public void Points_and_noise_out_of_range_are_refused(int points, double noise)
    {
        var error = Assert.Throws<ArgumentException>(() => DataSets.ByName("circle", points, noise: noise));
        Assert.Contains(points is < 1 or > DataSets.MaxPoints ? "points" : "noise", error.Message);
    }

    [Fact]
    public void Load_takes_a_name_or_a_csv_path()
    {
        Assert.Equal("spiral", DataSets.Load("spiral", 10).Name);
        var unknown = Assert.Throws<ArgumentException>(() => DataSets.Load("moons"));
        Assert.Contains(".csv", unknown.Message);
        var missing = Assert.Throws<DataFileException>(() => DataSets.Load("no/such/points.csv"));
        Assert.Equal("no/such/points.csv: no such file", missing.Message);
    }

    [Fact]
    public void A_data_set_refuses_bad_labels_and_coordinates()
    {
        Assert.Throws<ArgumentException>(() => new DataSet("d", [0], [0], [2]));
        Assert.Throws<ArgumentException>(() => new DataSet("d", [double.NaN], [0], [1]));
        Assert.Throws<ArgumentException>(() => new DataSet("d", [0], [double.PositiveInfinity], [1]));
        Assert.Throws<ArgumentException>(() => new DataSet("d", [0, 1], [0], [1]));
    }
}
