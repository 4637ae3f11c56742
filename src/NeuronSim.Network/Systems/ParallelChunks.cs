using NeuronSim.Ecs;
using NeuronSim.Network.Model;

namespace NeuronSim.Network.Systems;

/// <summary>
/// A query's chunks run through a kernel on both cores: the chunks are listed once per structural
/// version of the world and split into two halves of about equal entity counts; below
/// <see cref="ParallelThreshold"/> entities (the lab's small networks) the caller runs them alone.
/// One instance per system and query, so a tick allocates nothing.
/// </summary>
/// <typeparam name="TKernel">The loop body.</typeparam>
internal sealed class ParallelChunks<TKernel>(World world, QueryDescription query) : ISplitWork where TKernel : struct, IChunkKernel
{
    /// <summary>Below this many entities the chunks run on the calling core only.</summary>
    public const int ParallelThreshold = 4096;

    private readonly List<Chunk> _chunks = [];
    private long _version = -1;
    private int _entities;
    private int _middle;
    private TKernel _kernel;

    /// <summary>Runs <paramref name="kernel"/> over every chunk the query matches.</summary>
    public void Run(in TKernel kernel)
    {
        Refresh();
        _kernel = kernel;
        if (_entities < ParallelThreshold)
        {
            foreach (var chunk in _chunks) _kernel.Execute(chunk);
            return;
        }
        CoreSplitter.Run(this);
    }

    /// <inheritdoc />
    void ISplitWork.Run(int half)
    {
        var (start, end) = half == 0 ? (0, _middle) : (_middle, _chunks.Count);
        var kernel = _kernel;
        for (var c = start; c < end; c++) kernel.Execute(_chunks[c]);
    }

    private void Refresh()
    {
        if (_version == world.StructureVersion) return;
        _chunks.Clear();
        foreach (var chunk in world.GetChunks(in query)) _chunks.Add(chunk);
        _entities = _chunks.Sum(c => c.Count);
        var seen = 0;
        _middle = 0;
        while (_middle < _chunks.Count && seen + _chunks[_middle].Count <= _entities / 2) seen += _chunks[_middle++].Count;
        _version = world.StructureVersion;
    }
}
