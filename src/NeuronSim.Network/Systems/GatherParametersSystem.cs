using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Reads every Weight and Bias component's value into the topology's dense arrays (components -> dense view).</summary>
public sealed class GatherParametersSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context) => context.Topology.GatherParameters();
}
