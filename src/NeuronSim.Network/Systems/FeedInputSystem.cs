using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>Puts the batch into the input neurons: a_i = x_i for every point.</summary>
public sealed class FeedInputSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var inputs = context.Topology.Layers[0];
        for (var i = 0; i < inputs.Size; i++)
        {
            context.Data.Feature(i).CopyTo(inputs.Out[i], 0);
        }
    }
}
