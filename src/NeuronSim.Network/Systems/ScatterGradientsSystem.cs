using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Writes the dense gradients into every Weight.Grad and Bias.Grad (dense view -> components).</summary>
public sealed class ScatterGradientsSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context) => context.Topology.ScatterGradients();
}
