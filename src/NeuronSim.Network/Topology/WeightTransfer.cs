using NeuronSim.Network.Model;
using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Topology;

/// <summary>
/// Moves one field of every weight entity between the components and the flat array, the chunks
/// split in two halves of about equal weight counts that run on both cores (<see cref="WorkHalves"/>;
/// a small network's on the calling core only). One per topology, so a tick allocates nothing.
/// </summary>
internal sealed class WeightTransfer : ISplitWork
{
    private readonly List<WeightChunk> _chunks;
    private readonly WorkHalves _halves;
    private double[] _flat = [];
    private ParameterField _field;
    private bool _toComponents;
    private KernelPath _path;

    public WeightTransfer(List<WeightChunk> chunks)
    {
        _chunks = chunks;
        _halves = WorkHalves.Of(chunks, c => c.Count);
    }

    /// <summary>Copies <paramref name="field"/> into the components when <paramref name="toComponents"/>, else out of them into <paramref name="flat"/>.</summary>
    public void Run(double[] flat, ParameterField field, bool toComponents)
    {
        (_flat, _field, _toComponents, _path) = (flat, field, toComponents, KernelSelection.Active);
        if (!_halves.Split)
        {
            foreach (var chunk in _chunks) chunk.Transfer(flat, field, toComponents, _path);
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
        var (start, end) = _halves.Range(half, _chunks.Count);
        for (var c = start; c < end; c++) _chunks[c].Transfer(_flat, _field, _toComponents, _path);
    }
}
