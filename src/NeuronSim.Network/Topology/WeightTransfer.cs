using NeuronSim.Network.Model;

namespace NeuronSim.Network.Topology;

/// <summary>
/// Moves one field of every weight entity between the components and the flat array, the chunks
/// split in two halves of about equal weight counts that run on both cores (below
/// <see cref="ParallelThreshold"/> weights, on the calling core only). One per topology, so a tick allocates nothing.
/// </summary>
internal sealed class WeightTransfer : ISplitWork
{
    /// <summary>Below this many weights the copy runs on the calling core only.</summary>
    public const int ParallelThreshold = 4096;

    private readonly List<WeightChunk> _chunks;
    private readonly int _middle;
    private readonly int _weights;
    private double[] _flat = [];
    private ParameterField _field;
    private bool _toComponents;

    public WeightTransfer(List<WeightChunk> chunks)
    {
        _chunks = chunks;
        _weights = chunks.Sum(c => c.Count);
        var seen = 0;
        while (_middle < chunks.Count && seen + chunks[_middle].Count <= _weights / 2) seen += chunks[_middle++].Count;
    }

    /// <summary>Copies <paramref name="field"/> into the components when <paramref name="toComponents"/>, else out of them into <paramref name="flat"/>.</summary>
    public void Run(double[] flat, ParameterField field, bool toComponents)
    {
        (_flat, _field, _toComponents) = (flat, field, toComponents);
        if (_weights < ParallelThreshold)
        {
            foreach (var chunk in _chunks) chunk.Transfer(flat, field, toComponents);
        }
        else
        {
            CoreSplitter.Run(this);
        }
        _flat = [];
    }

    /// <inheritdoc />
    void ISplitWork.Run(int half)
    {
        var (start, end) = half == 0 ? (0, _middle) : (_middle, _chunks.Count);
        for (var c = start; c < end; c++) _chunks[c].Transfer(_flat, _field, _toComponents);
    }
}
