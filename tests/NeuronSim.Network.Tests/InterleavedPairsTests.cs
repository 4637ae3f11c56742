using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Tests;

/// <summary>Moving one field of (value, grad) pairs to and from a dense span, on every path, against plain indexing.</summary>
public class InterleavedPairsTests
{
    public static TheoryData<KernelPath, int, int> Cases()
    {
        var data = new TheoryData<KernelPath, int, int>();
        foreach (var path in Enum.GetValues<KernelPath>())
        {
            // Lengths below, at and across the 8-pair step, with a tail of every size.
            foreach (var count in new[] { 0, 1, 7, 8, 9, 15, 16, 23, 256 })
            {
                data.Add(path, count, 0);
                data.Add(path, count, 1);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_reads_each_pairs_field(KernelPath path, int count, int field)
    {
        var pairs = Enumerable.Range(0, 2 * count).Select(i => i + 0.25).ToArray();
        var dense = new double[count];

        InterleavedPairs.Extract(pairs, field, dense, path);

        for (var i = 0; i < count; i++) Assert.True(dense[i] == pairs[2 * i + field], $"pair {i}, field {field} on {path}: {dense[i]}, expected {pairs[2 * i + field]}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Insert_writes_each_pairs_field_and_keeps_the_other(KernelPath path, int count, int field)
    {
        var pairs = Enumerable.Range(0, 2 * count).Select(i => -1.0 - i).ToArray();
        var before = pairs.ToArray();
        var dense = Enumerable.Range(0, count).Select(i => 1000.5 + i).ToArray();

        InterleavedPairs.Insert(dense, pairs, field, path);

        for (var i = 0; i < count; i++)
        {
            Assert.True(pairs[2 * i + field] == dense[i], $"pair {i}, field {field} on {path}: {pairs[2 * i + field]}, expected {dense[i]}");
            Assert.True(pairs[2 * i + 1 - field] == before[2 * i + 1 - field], $"pair {i}'s other field changed on {path}");
        }
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => InterleavedPairs.Extract(new double[6], 0, new double[4], KernelPath.Vector512));
        Assert.Contains("6 doubles are not 4 pairs", error.Message);
    }
}
