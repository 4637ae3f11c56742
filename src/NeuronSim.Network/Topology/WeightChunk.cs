using System.Runtime.InteropServices;
using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model.Kernels;

namespace NeuronSim.Network.Topology;

/// <summary>
/// A chunk of weight entities and the flat position of each row's weight. When the rows map to
/// consecutive positions (the usual case: weights created layer by layer, row by row) the copy
/// runs over one span from <see cref="Start"/> (<see cref="InterleavedPairs"/>).
/// </summary>
internal sealed class WeightChunk
{
    private readonly Chunk _chunk;
    private readonly int[] _flatIndex;

    public WeightChunk(Chunk chunk, int[] flatIndex)
    {
        _chunk = chunk;
        _flatIndex = flatIndex;
        Start = flatIndex.Length > 0 && flatIndex.Select((index, row) => index - row).All(d => d == flatIndex[0]) ? flatIndex[0] : -1;
    }

    /// <summary>How many weight entities the chunk holds.</summary>
    public int Count => _flatIndex.Length;

    /// <summary>The flat position of row 0 when the rows are consecutive, else -1.</summary>
    public int Start { get; }

    /// <summary>
    /// Moves <paramref name="field"/> between the chunk's rows and <paramref name="flat"/>: into the components when
    /// <paramref name="toComponents"/>, else out of them; consecutive rows as one span on <paramref name="path"/>.
    /// </summary>
    public void Transfer(double[] flat, ParameterField field, bool toComponents, KernelPath path)
    {
        var weights = _chunk.GetSpan<Weight>();
        var lane = field == ParameterField.Value ? 0 : 1;
        if (Start >= 0)
        {
            var dense = flat.AsSpan(Start, weights.Length);
            var pairs = MemoryMarshal.Cast<Weight, double>(weights);
            var done = toComponents ? InterleavedPairs.Insert(dense, pairs, lane, path) : InterleavedPairs.Extract(pairs, lane, dense, path);
            switch (lane, toComponents)
            {
                case (0, false): for (var row = done; row < dense.Length; row++) dense[row] = weights[row].Value; break;
                case (0, true): for (var row = done; row < dense.Length; row++) weights[row].Value = dense[row]; break;
                case (1, false): for (var row = done; row < dense.Length; row++) dense[row] = weights[row].Grad; break;
                default: for (var row = done; row < dense.Length; row++) weights[row].Grad = dense[row]; break;
            }
            return;
        }
        for (var row = 0; row < weights.Length; row++)
        {
            ref var value = ref lane == 0 ? ref weights[row].Value : ref weights[row].Grad;
            if (toComponents) value = flat[_flatIndex[row]];
            else flat[_flatIndex[row]] = value;
        }
    }
}
