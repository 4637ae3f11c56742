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
    [InlineData(1000)]
    public void Neuron_vectors_start_cache_lines(int samples)
    {
        var vectors = Enumerable.Range(0, 200).Select(_ => NeuronState.ForBatch(samples)).SelectMany(s => new[] { s.Out, s.Delta }).ToArray();

        // All of them in a fresh process (1,606 of 1,606 for a (400,400) network). Here the pinned heap is
        // already full of other tests' gaps, where some attempts land (seen: 332 of 400 at worst; only speed
        // depends on it). The allocator alone would align 1 in 8.
        var aligned = vectors.Count(CacheLines.IsAligned);
        Assert.True(aligned >= vectors.Length / 2, $"{aligned} of {vectors.Length} vectors of {samples} samples start a cache line");
        // At least the padded length, and a whole number of cache lines per array object (24 bytes of header).
        Assert.All(vectors, v => Assert.InRange(v.Length, samples + (8 - samples % 8) % 8, samples + (8 - samples % 8) % 8 + 7));
        Assert.All(vectors, v => Assert.Equal(0, (24 + 8 * v.Length) % 64));
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
