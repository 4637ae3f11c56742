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

    /// <summary>How many weight entities the chunk holds.</summary>
    public int Count => _flatIndex.Length;

    /// <summary>The flat position of row 0 when the rows are consecutive, else -1.</summary>
    public int Start { get; }

    /// <summary>Moves <paramref name="field"/> between the chunk's rows and <paramref name="flat"/>: into the components when <paramref name="toComponents"/>, else out of them.</summary>
    public void Transfer(double[] flat, ParameterField field, bool toComponents)
    {
        var weights = _chunk.GetSpan<Weight>();
        if (Start >= 0)
        {
            var dense = flat.AsSpan(Start, weights.Length);
            switch (field, toComponents)
            {
                case (ParameterField.Value, false): for (var row = 0; row < dense.Length; row++) dense[row] = weights[row].Value; break;
                case (ParameterField.Value, true): for (var row = 0; row < dense.Length; row++) weights[row].Value = dense[row]; break;
                case (ParameterField.Grad, false): for (var row = 0; row < dense.Length; row++) dense[row] = weights[row].Grad; break;
                default: for (var row = 0; row < dense.Length; row++) weights[row].Grad = dense[row]; break;
            }
            return;
        }
        for (var row = 0; row < weights.Length; row++)
        {
            ref var value = ref field == ParameterField.Value ? ref weights[row].Value : ref weights[row].Grad;
            if (toComponents) value = flat[_flatIndex[row]];
            else flat[_flatIndex[row]] = value;
        }
    }
}
