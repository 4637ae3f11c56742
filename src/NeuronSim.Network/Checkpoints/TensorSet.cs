namespace NeuronSim.Network.Checkpoints;

/// <summary>What a safetensors file holds: named tensors, in file order, and the header's string metadata.</summary>
/// <param name="Tensors">The tensors, in the order of their data in the file.</param>
/// <param name="Metadata">The header's <c>__metadata__</c> (empty when the file has none).</param>
public sealed record TensorSet(IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The tensor called <paramref name="name"/>, or null.</summary>
    public NamedTensor? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
