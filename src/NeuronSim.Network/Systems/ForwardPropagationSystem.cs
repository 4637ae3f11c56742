using NeuronSim.Ecs;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Layer by layer over the batch: z_j = b_j + sum_i w_ji a_i, a_j = f(z_j), reading the gathered
/// weights and biases; the output neuron's z is kept as the logit (for a stable cross-entropy).
/// </summary>
public sealed class ForwardPropagationSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var topology = context.Topology;
        var layers = topology.Layers;
        var samples = BatchKernels.Columns(context.Samples);
        for (var l = 1; l < layers.Length; l++)
        {
            var layer = layers[l];
            LayerMath.Forward(topology.Weights, layer.WeightOffset, layer.Bias, layers[l - 1].Out, layer.Out, layer.Activation, samples,
                l == layers.Length - 1 ? topology.OutputLogit : null);
        }
    }
}
