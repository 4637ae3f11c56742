using NeuronSim.Benchmarking;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Model.Kernels;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Every kernel path (scalar, 256-bit, 512-bit) against plain sums written here, and against the dense oracle.</summary>
public class KernelPathTests
{
    public static TheoryData<KernelPath, int, int, int> Shapes()
    {
        var data = new TheoryData<KernelPath, int, int, int>();
        // (rows, columns, padded samples): ragged rows and columns, a depth over several panels,
        // wide tiles with narrow remainders, and products big enough to run on two cores; column
        // counts 4 past a multiple of 8 (half units: the lab's 100 samples, xor's 4).
        (int, int, int)[] shapes = [(1, 1, 8), (3, 5, 8), (4, 2, 24), (7, 9, 104), (13, 37, 40), (40, 33, 200), (9, 150, 16), (130, 70, 104), (100, 100, 104), (64, 72, 48),
            (5, 3, 4), (4, 2, 12), (9, 150, 100), (130, 70, 100), (100, 100, 36), (2, 400, 100)];
        foreach (var path in Enum.GetValues<KernelPath>())
        {
            foreach (var (rows, columns, samples) in shapes) data.Add(path, rows, columns, samples);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Weighted_sums_equal_plain_sums_forward_and_transposed(KernelPath path, int rows, int columns, int samples)
    {
        var random = new Random(rows * 1000 + columns);
        var inputs = Vectors(random, columns, samples);
        var w = Numbers(random, 3 + rows * columns);
        var bias = Numbers(random, rows);
        var outputs = Vectors(random, rows, samples, Untouched);
        var back = Vectors(random, columns, samples, Untouched);
        var deltas = Vectors(random, rows, samples);

        using (Forced(path))
        {
            BatchKernels.WeightedSums(w, 3, columns, 1, inputs, outputs, bias, samples);
            BatchKernels.WeightedSums(w, 3, 1, columns, deltas, back, [], samples);
        }

        for (var r = 0; r < rows; r++)
        {
            for (var s = 0; s < samples; s++)
            {
                var expected = bias[r];
                for (var k = 0; k < columns; k++) expected += w[3 + r * columns + k] * inputs[k][s];
                Assert.True(Math.Abs(outputs[r][s] - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"z[{r}][{s}]: {outputs[r][s]:R}, expected {expected:R}");
            }
        }
        for (var i = 0; i < columns; i++)
        {
            for (var s = 0; s < samples; s++)
            {
                double expected = 0;
                for (var j = 0; j < rows; j++) expected += w[3 + j * columns + i] * deltas[j][s];
                Assert.True(Math.Abs(back[i][s] - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"dL/da[{i}][{s}]: {back[i][s]:R}, expected {expected:R}");
            }
        }
        AssertUntouchedPast(outputs, samples, "z");
        AssertUntouchedPast(back, samples, "dL/da");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradient_dots_equal_plain_sums(KernelPath path, int rows, int columns, int samples)
    {
        var random = new Random(rows * 7 + columns);
        var deltas = Vectors(random, rows, samples);
        var inputs = Vectors(random, columns, samples);
        var grads = Numbers(random, 5 + rows * columns + 2);
        var guard = (grads[4], grads[^1]);

        using (Forced(path)) BatchKernels.GradientDots(deltas, inputs, grads, 5, samples);

        for (var j = 0; j < rows; j++)
        {
            for (var i = 0; i < columns; i++)
            {
                double expected = 0;
                for (var s = 0; s < samples; s++) expected += deltas[j][s] * inputs[i][s];
                var actual = grads[5 + j * columns + i];
                Assert.True(Math.Abs(actual - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"dL/dw[{j},{i}]: {actual:R}, expected {expected:R}");
            }
        }
        Assert.Equal(guard, (grads[4], grads[^1]));
    }

    [Theory]
    [InlineData(KernelPath.Scalar)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector512)]
    public void Training_on_each_path_follows_the_dense_reference(KernelPath path)
    {
        using var forced = Forced(path);
        foreach (var (hidden, epochs) in new[] { (new[] { 10, 10 }, 300), ([120, 120], 20), ([4, 4], 300) })
        {
            var options = new TrainingOptions { TargetLoss = 0, MaxEpochs = epochs };
            using var simulation = new TrainingSimulation(NetworkSpec.Uniform(hidden, Activation.Sigmoid, true, 3), DataSets.Linear(), options);
            var dense = new DenseReference(simulation);
            simulation.Step(epochs);
            for (var epoch = 0; epoch < epochs; epoch++) dense.Step();
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                Assert.True(Math.Abs(simulation.Context.LossHistory[epoch] - dense.LossHistory[epoch]) <= 1e-9, $"{path} {string.Join(',', hidden)} epoch {epoch + 1}");
            }
        }
    }

    [Fact]
    public void The_forced_path_is_the_active_one_on_this_thread_only()
    {
        var other = KernelPath.Scalar;
        using (Forced(KernelPath.Vector256))
        {
            Assert.Equal(KernelPath.Vector256, KernelSelection.Active);
            var thread = new Thread(() => other = KernelSelection.Active);
            thread.Start();
            thread.Join();
        }
        Assert.Equal(KernelSelection.Best, other);
        Assert.Equal(KernelSelection.Best, KernelSelection.Active);
        Assert.StartsWith(KernelSelection.Name(KernelSelection.Active), KernelSelection.Describe());
    }

    private static Restore Forced(KernelPath path)
    {
        KernelSelection.Force(path);
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => KernelSelection.Force(null);
    }

    private static double[] Numbers(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1).ToArray();

    /// <summary>What the outputs hold past the columns a product was given: a product that writes there changes it.</summary>
    private const double Untouched = 12345.5;

    /// <summary>
    /// Vectors of <paramref name="samples"/> numbers and 8 more after them: NaN (a kernel that reads past the
    /// columns it was given turns a result into NaN), or <see cref="Untouched"/> for outputs.
    /// </summary>
    private static double[][] Vectors(Random random, int count, int samples, double after = double.NaN) =>
        Enumerable.Range(0, count).Select(_ => Numbers(random, samples).Concat(Enumerable.Repeat(after, 8)).ToArray()).ToArray();

    private static void AssertUntouchedPast(double[][] vectors, int samples, string name)
    {
        for (var r = 0; r < vectors.Length; r++)
        {
            for (var s = samples; s < vectors[r].Length; s++) Assert.True(vectors[r][s] == Untouched, $"{name}[{r}][{s}] past the {samples} columns was written: {vectors[r][s]:R}");
        }
    }
}
