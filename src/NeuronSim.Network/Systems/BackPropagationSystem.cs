using NeuronSim.Ecs;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Back-propagation: the output delta dL/dz = 2 (y_hat - y) / n * f'(z), then for each layer
/// from the output back: dL/dw_ji = sum_s delta_j a_i, dL/db_j = sum_s delta_j, and the previous
/// layer's delta_i = (sum_j w_ji delta_j) f'(z_i). Writes the gradients into the components.
/// </summary>
public sealed class BackPropagationSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var topology = context.Topology;
        var layers = topology.Layers;
        var samples = topology.PaddedSamples;
        var output = topology.Output;
        var labels = context.Data.Labels;
        var n = labels.Length;
        var (delta, prediction) = (output.Delta[0], output.Out[0]);
        for (var s = 0; s < n; s++) delta[s] = 2 * (prediction[s] - labels[s]) / n;
        LayerMath.MultiplyByDerivative(output.Activation, prediction.AsSpan(0, n), delta.AsSpan(0, n));

        for (var l = layers.Length - 1; l >= 1; l--)
        {
            var layer = layers[l];
            var below = layers[l - 1];
            LayerMath.Gradients(layer.Delta, below.Out, topology.WeightGrads, layer.WeightOffset, layer.BiasGrad, samples);
            if (l == 1) continue;
            LayerMath.BackpropagateDelta(topology.Weights, layer.WeightOffset, layer.Delta, below.Delta, samples);
            for (var i = 0; i < below.Size; i++)
            {
                LayerMath.MultiplyByDerivative(below.Activation, below.Out[i].AsSpan(0, samples), below.Delta[i].AsSpan(0, samples));
            }
        }
        topology.ScatterGradients();
    }
}
