using NeuronSim.Ecs;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Reads the weights and biases from their components, then layer by layer:
/// z_j = b_j + sum_i w_ji a_i, a_j = f(z_j), for the whole batch.
/// </summary>
public sealed class ForwardPropagationSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var topology = context.Topology;
        topology.GatherParameters();
        var layers = topology.Layers;
        for (var l = 1; l < layers.Length; l++)
        {
            var layer = layers[l];
            LayerMath.Forward(topology.Weights, layer.WeightOffset, layer.Bias,
                layers[l - 1].Out, layer.Out, layer.Activation, topology.PaddedSamples);
        }
    }
}
