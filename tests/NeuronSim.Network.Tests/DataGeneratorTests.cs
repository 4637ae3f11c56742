using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

/// <summary>The Playground's generators: count, ranges, balance, seeds, noise, and each set's shape.</summary>
public class DataGeneratorTests
{
    public static TheoryData<string> Playground => ["circle", "gauss", "spiral", "xor-quadrants"];

    private static double Radius(DataSet data, int k) => Math.Sqrt(data.X0[k] * data.X0[k] + data.X1[k] * data.X1[k]);

    [Theory]
    [MemberData(nameof(Playground))]
    public void Makes_exactly_the_points_asked_for(string name)
    {
        Assert.Equal(500, DataSets.ByName(name).Count);
        Assert.Equal(301, DataSets.ByName(name, 301, noise: 0.2).Count);
        Assert.Equal(1, DataSets.ByName(name, 1).Count);
    }

    [Theory]
    [InlineData("circle", 250)]
    [InlineData("gauss", 250)]
    [InlineData("spiral", 250)]
    [InlineData("xor-quadrants", 0)]
    public void Labels_are_balanced(string name, int exactOnes)
    {
        var data = DataSets.ByName(name, 500, seed: 3);
        if (exactOnes > 0) Assert.Equal(exactOnes, data.CountOf(1));
        else Assert.InRange(data.CountOf(1), 200, 300); // random quadrants: 250 +- 4.5 sigma
        Assert.Equal(500, data.CountOf(0) + data.CountOf(1));
    }

    [Theory]
    [MemberData(nameof(Playground))]
    public void The_data_seed_decides_the_points(string name)
    {
        var a = DataSets.ByName(name, 200, seed: 7, noise: 0.1);
        var b = DataSets.ByName(name, 200, seed: 7, noise: 0.1);
        var c = DataSets.ByName(name, 200, seed: 8, noise: 0.1);
        Assert.Equal(a.X0, b.X0);
        Assert.Equal(a.X1, b.X1);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.X0, c.X0);
    }

    [Theory]
    [InlineData("gauss")]
    [InlineData("spiral")]
    public void Noise_moves_the_points(string name)
    {
        var clean = DataSets.ByName(name, 400, seed: 2);
        var noisy = DataSets.ByName(name, 400, seed: 2, noise: 0.3);
        Assert.NotEqual(clean.X0, noisy.X0);
        Assert.NotEqual(clean.X1, noisy.X1);
        Assert.Equal(clean.Labels, noisy.Labels);
    }

    [Theory]
    [InlineData("circle")]
    [InlineData("xor-quadrants")]
    public void Noise_flips_labels_of_points_that_stay_put(string name)
    {
        var clean = DataSets.ByName(name, 400, seed: 2);
        var noisy = DataSets.ByName(name, 400, seed: 2, noise: 0.3);
        Assert.Equal(clean.X0, noisy.X0);
        Assert.Equal(clean.X1, noisy.X1);
        var flipped = Enumerable.Range(0, 400).Count(k => clean.Labels[k] != noisy.Labels[k]);
        Assert.InRange(flipped, 10, 200);
    }

    [Fact]
    public void Circle_is_a_disc_of_ones_in_a_ring_of_zeros()
    {
        var data = DataSets.ByName("circle", 500, seed: 5);
        for (var k = 0; k < data.Count; k++)
        {
            var r = Radius(data, k);
            if (data.Labels[k] == 1) Assert.InRange(r, 0, 2.5);
            else Assert.InRange(r, 3.5, 5);
        }
        Assert.True(Enumerable.Range(0, 500).Max(k => Radius(data, k)) > 4.9);
    }

    [Fact]
    public void Gauss_blobs_sit_at_plus_and_minus_two_and_widen_with_noise()
    {
        foreach (var (noise, variance) in new[] { (0.0, 0.5), (0.5, 4.0) })
        {
            var data = DataSets.ByName("gauss", 20_000, seed: 4, noise: noise);
            foreach (var (label, centre) in new[] { (1, 2.0), (0, -2.0) })
            {
                var xs = Enumerable.Range(0, data.Count).Where(k => data.Labels[k] == label).Select(k => data.X0[k]).ToArray();
                var mean = xs.Average();
                Assert.Equal(centre, mean, 0.05 * Math.Sqrt(variance));
                Assert.Equal(variance, xs.Average(x => (x - mean) * (x - mean)), 0.05 * variance);
            }
        }
    }

    [Fact]
    public void Spiral_arms_follow_the_playgrounds_formula()
    {
        const int n = 200, arm = n / 2;
        var data = DataSets.ByName("spiral", n);
        for (var i = 0; i < arm; i++)
        {
            var r = 5.0 * i / arm;
            var t = 1.75 * i / arm * 2 * Math.PI;
            Assert.Equal(r * Math.Sin(t), data.X0[i], 12);
            Assert.Equal(r * Math.Cos(t), data.X1[i], 12);
            Assert.Equal(1, data.Labels[i]);
            Assert.Equal(-r * Math.Sin(t), data.X0[arm + i], 12);
            Assert.Equal(-r * Math.Cos(t), data.X1[arm + i], 12);
            Assert.Equal(0, data.Labels[arm + i]);
        }
        var noisy = DataSets.ByName("spiral", n, noise: 0.5);
        Assert.All(Enumerable.Range(0, n), k => Assert.InRange(Math.Abs(noisy.X0[k] - data.X0[k]), 0, 0.5));
    }

    [Fact]
    public void Xor_quadrants_keeps_off_the_axes_and_labels_by_quadrant()
    {
        var data = DataSets.ByName("xor-quadrants", 1000, seed: 6);
        for (var k = 0; k < data.Count; k++)
        {
            Assert.InRange(Math.Abs(data.X0[k]), 0.3, 5.3);
            Assert.InRange(Math.Abs(data.X1[k]), 0.3, 5.3);
            Assert.Equal(data.X0[k] * data.X1[k] >= 0 ? 1 : 0, data.Labels[k]);
        }
        Assert.Equal(4, data.X0.Zip(data.X1, (a, b) => (Math.Sign(a), Math.Sign(b))).Distinct().Count());
    }
}
