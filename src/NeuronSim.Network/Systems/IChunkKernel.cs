using NeuronSim.Ecs;

namespace NeuronSim.Network.Systems;

/// <summary>The per-chunk body of a system's loop: a value type, so each system's loop is compiled for its own kernel.</summary>
internal interface IChunkKernel
{
    /// <summary>Runs over every live row of <paramref name="chunk"/>.</summary>
    void Execute(Chunk chunk);
}
