using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Tests;

/// <summary>
/// Neuron vectors and the gradient panel start cache lines, so no 512-bit load straddles two. Run
/// alone: the pinned heap's placement, which the aligned allocation relies on, is shuffled by
/// other tests allocating at the same time.
/// </summary>
[Collection(nameof(CacheLinesTests))]
[CollectionDefinition(nameof(CacheLinesTests), DisableParallelization = true)]
public class CacheLinesTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(104)]
    public void Neuron_vectors_start_cache_lines(int samples)
    {
        var vectors = Enumerable.Range(0, 200).Select(_ => NeuronState.ForBatch(samples)).SelectMany(s => new[] { s.Out, s.Delta }).ToArray();

        // Best effort: a pinned heap fragmented by earlier tests can defeat it for a rare vector (only speed
        // depends on it); in a fresh process all 1,600 vectors of 800 neurons start lines at 8 to 20,000 samples.
        var aligned = vectors.Count(CacheLines.IsAligned);
        Assert.True(aligned >= vectors.Length * 9 / 10, $"{aligned} of {vectors.Length} vectors of {samples} samples start a cache line");
        Assert.All(vectors, v => Assert.Equal(samples + (8 - samples % 8) % 8, v.Length));
        Assert.All(vectors, v => Assert.All(v, x => Assert.Equal(0.0, x)));
    }

    [Fact]
    public unsafe void The_first_line_offset_lands_on_a_line()
    {
        for (var length = 8; length < 40; length++)
        {
            var array = GC.AllocateArray<double>(length, pinned: true);
            var offset = CacheLines.FirstLineOffset(array);
            var address = (nuint)Unsafe.AsPointer(ref array[offset]);
            Assert.True(offset is >= 0 and < 8, $"offset {offset}");
            Assert.True(address % CacheLines.Bytes == 0, $"element {offset} of a {length}-double array is at {address % 64} bytes past a line");
        }
    }
}
