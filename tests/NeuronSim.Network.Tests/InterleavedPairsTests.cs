using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Tests;

/// <summary>
/// Moving one field of (value, grad) pairs to and from a dense span in 8-pair steps, against plain
/// indexing: the pairs it reports done are moved and no others are touched (the caller moves the rest).
/// </summary>
public class InterleavedPairsTests
{
    public static TheoryData<KernelPath, int, int> Cases()
    {
        var data = new TheoryData<KernelPath, int, int>();
        foreach (var path in Enum.GetValues<KernelPath>())
        {
            // Lengths below and at the minimum, and past it with tails of 1 to 7 pairs.
            foreach (var count in new[] { 0, 1, 7, 8, 63, 64, 65, 71, 72, 79, 256 })
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

        var done = InterleavedPairs.Extract(pairs, field, dense, path);

        Assert.Equal(InterleavedPairs.Vectorized(path) && count >= InterleavedPairs.MinimumPairs ? count / 8 * 8 : 0, done);
        for (var i = 0; i < done; i++) Assert.True(dense[i] == pairs[2 * i + field], $"pair {i}, field {field} on {path}: {dense[i]}, expected {pairs[2 * i + field]}");
        for (var i = done; i < count; i++) Assert.True(dense[i] == 0, $"pair {i} past the {done} done was moved on {path}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Insert_writes_each_pairs_field_and_keeps_the_other(KernelPath path, int count, int field)
    {
        var pairs = Enumerable.Range(0, 2 * count).Select(i => -1.0 - i).ToArray();
        var before = pairs.ToArray();
        var dense = Enumerable.Range(0, count).Select(i => 1000.5 + i).ToArray();

        var done = InterleavedPairs.Insert(dense, pairs, field, path);

        Assert.Equal(InterleavedPairs.Vectorized(path) && count >= InterleavedPairs.MinimumPairs ? count / 8 * 8 : 0, done);
        for (var i = 0; i < count; i++)
        {
            var expected = i < done ? dense[i] : before[2 * i + field];
            Assert.True(pairs[2 * i + field] == expected, $"pair {i}, field {field} on {path} (done {done}): {pairs[2 * i + field]}, expected {expected}");
            Assert.True(pairs[2 * i + 1 - field] == before[2 * i + 1 - field], $"pair {i}'s other field changed on {path}");
        }
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => InterleavedPairs.Extract(new double[6], 0, new double[8], KernelPath.Vector512));
        Assert.Contains("6 doubles are not 8 pairs", error.Message);
    }
}
