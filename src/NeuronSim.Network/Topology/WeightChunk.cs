using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Topology;

/// <summary>
/// A chunk of weight entities and the flat position of each row's weight. When the rows map to
/// consecutive positions (the usual case: weights created layer by layer, row by row) the copy
/// runs as one tight loop from <see cref="Start"/>.
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

    /// <summary>The flat position of row 0 when the rows are consecutive, else -1.</summary>
    public int Start { get; }

    /// <summary>flat[position of row] = weight of row.</summary>
    public void Gather(double[] flat)
    {
        var weights = _chunk.GetSpan<Weight>();
        if (Start >= 0)
        {
            var target = flat.AsSpan(Start, weights.Length);
            for (var row = 0; row < target.Length; row++) target[row] = weights[row].Value;
            return;
        }
        for (var row = 0; row < weights.Length; row++) flat[_flatIndex[row]] = weights[row].Value;
    }

    /// <summary>gradient of row = flat[position of row].</summary>
    public void Scatter(double[] flat)
    {
        var weights = _chunk.GetSpan<Weight>();
        if (Start >= 0)
        {
            var source = flat.AsSpan(Start, weights.Length);
            for (var row = 0; row < source.Length; row++) weights[row].Grad = source[row];
            return;
        }
        for (var row = 0; row < weights.Length; row++) weights[row].Grad = flat[_flatIndex[row]];
    }
}
