using NeuronSim.Ecs;
using NeuronSim.Network.Model;

namespace NeuronSim.Network.Systems;

/// <summary>
/// A query's chunks run through a kernel on both cores: the chunks are listed once per structural
/// version of the world and split into two halves of about equal entity counts (<see cref="WorkHalves"/>;
/// the lab's small networks run on the calling core alone).
/// One instance per system and query, so a tick allocates nothing.
/// </summary>
/// <typeparam name="TKernel">The loop body.</typeparam>
internal sealed class ParallelChunks<TKernel>(World world, QueryDescription query) : ISplitWork where TKernel : struct, IChunkKernel
{
    private readonly List<Chunk> _chunks = [];
    private long _version = -1;
    private WorkHalves _halves;
    private TKernel _kernel;

    /// <summary>Runs <paramref name="kernel"/> over every chunk the query matches.</summary>
    public void Run(in TKernel kernel)
    {
        Refresh();
        _kernel = kernel;
        if (!_halves.Split)
        {
            foreach (var chunk in _chunks) _kernel.Execute(chunk);
            return;
        }
        CoreSplitter.Run(this);
    }

    /// <inheritdoc />
    void ISplitWork.Run(int half)
    {
        var (start, end) = _halves.Range(half, _chunks.Count);
        var kernel = _kernel;
        for (var c = start; c < end; c++) kernel.Execute(_chunks[c]);
    }

    private void Refresh()
    {
        if (_version == world.StructureVersion) return;
        _chunks.Clear();
        foreach (var chunk in world.GetChunks(in query)) _chunks.Add(chunk);
        _halves = WorkHalves.Of(_chunks, c => c.Count);
        _version = world.StructureVersion;
    }
}
