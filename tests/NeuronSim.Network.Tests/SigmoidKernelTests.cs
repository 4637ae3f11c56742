using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Tests;

/// <summary>The vector sigmoid against 1 / (1 + Math.Exp(-z)): within 2 ulp everywhere, exact limits, NaN kept, no position dependence.</summary>
public class SigmoidKernelTests
{
    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(0)]
    public void Sigmoid_is_within_two_ulp_of_the_scalar_formula_from_minus_700_to_700(int width)
    {
        if (width == 512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return; // no 512-bit vectors on this CPU
        if (width == 256 && !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated) return; // no 256-bit vectors on this CPU
        var random = new Random(11);
        var z = new double[200_003];
        for (var i = 0; i < z.Length; i++)
        {
            // Half uniform over the whole range, half near 0 where the network lives.
            z[i] = i % 2 == 0 ? random.NextDouble() * 1400 - 700 : (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-12, 2));
        }
        var a = new double[z.Length];
        if (width == 512) SigmoidKernel.Run512(z, a);
        else if (width == 256) SigmoidKernel.Run256(z, a);
        else SigmoidKernel.Apply(z, a);

        var worst = (Ulps: 0.0, Z: 0.0);
        for (var i = 0; i < z.Length; i++)
        {
            var expected = 1 / (1 + Math.Exp(-z[i]));
            var ulps = Math.Abs(a[i] - expected) / Math.Max(Math.BitIncrement(expected) - expected, double.Epsilon);
            if (ulps > worst.Ulps) worst = (ulps, z[i]);
        }
        Assert.True(worst.Ulps <= 2, $"{width}-bit: sigma({worst.Z:R}) is {worst.Ulps} ulp from 1 / (1 + e^-z)");
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(800.0, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(-1e300, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(40.0, 1.0)]
    public void Sigmoid_has_the_exact_limits(double z, double expected)
    {
        var a = new double[9];
        SigmoidKernel.Apply(Enumerable.Repeat(z, 9).ToArray(), a);
        Assert.All(a, value => Assert.Equal(expected, value));
        if (!System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated) return;
        SigmoidKernel.Run256(Enumerable.Repeat(z, 9).ToArray(), a);
        Assert.All(a, value => Assert.Equal(expected, value));
    }

    [Fact]
    public void Not_a_number_stays_not_a_number_in_every_lane_and_in_the_tail()
    {
        var z = new double[11];
        z[3] = double.NaN;
        z[10] = double.NaN;
        var a = new double[11];
        SigmoidKernel.Apply(z, a);
        Assert.True(double.IsNaN(a[3]) && double.IsNaN(a[10]), "NaN in, NaN out");
        Assert.Equal(0.5, a[4]);
    }

    [Fact]
    public void A_value_does_not_depend_on_its_position_or_on_the_span_length()
    {
        var random = new Random(3);
        var z = Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 20 - 10).ToArray();
        var whole = new double[z.Length];
        SigmoidKernel.Apply(z, whole);
        for (var start = 0; start < z.Length; start++)
        {
            var one = new double[1];
            SigmoidKernel.Apply(z.AsSpan(start, 1), one);
            Assert.Equal(whole[start], one[0]);
        }
    }

    [Fact]
    public void In_place_works()
    {
        var z = new[] { -1.0, 0, 1, 2, 3 };
        SigmoidKernel.Apply(z, z);
        Assert.Equal(1 / (1 + Math.Exp(1.0)), z[0], 15);
        Assert.Equal(0.5, z[1]);
    }
}
