using NeuronSim.Ecs;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Back-propagation over the batch: the output delta dL/dz from the loss table (MSE: 2 (y_hat - y) / k
/// * f'(z); cross-entropy on a sigmoid: (y_hat - y) / k), then for each layer from the output back:
/// dL/dw_ji = sum_s delta_j a_i, dL/db_j = sum_s delta_j, and the previous layer's
/// delta_i = (sum_j w_ji delta_j) f'(z_i). Gradients land in the topology's dense arrays.
/// </summary>
public sealed class BackPropagationSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var topology = context.Topology;
        var layers = topology.Layers;
        var k = context.Samples;
        var samples = BatchKernels.Columns(k);
        var output = topology.Output;
        var delta = output.Delta[0];
        context.LossFunction.OutputDelta(output.Out[0].AsSpan(0, k), context.BatchLabels.AsSpan(0, k), k, output.Activation, delta.AsSpan(0, k));
        delta.AsSpan(k, samples - k).Clear();

        for (var l = layers.Length - 1; l >= 1; l--)
        {
            var layer = layers[l];
            var below = layers[l - 1];
            LayerMath.Gradients(layer.Delta, below.Out, topology.WeightGrads, layer.WeightOffset, layer.BiasGrad, samples);
            if (l == 1) continue;
            LayerMath.BackpropagateDelta(topology.Weights, layer.WeightOffset, layer.Delta, below.Delta, below.Activation, below.Out, samples);
        }
    }
}
