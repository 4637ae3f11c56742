using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

/// <summary>The ECS forward pass against a plain matrix computation written here.</summary>
public class ForwardPassTests
{
    [Theory]
    [InlineData(new[] { 4, 4 }, true)]
    [InlineData(new[] { 7, 3, 5 }, false)]
    [InlineData(new int[0], true)]
    public void Ecs_output_equals_a_plain_matrix_forward_pass(int[] hidden, bool bias)
    {
        var data = DataSets.Linear(30, seed: 5);
        using var simulation = NetworkFactory.Create(hidden, Activation.Sigmoid, bias, seed: 11, data: data);
        var world = simulation.World;
        int[] sizes = [2, .. hidden, 1];

        // Read the weights out of the entities into plain matrices W[l][j, i] and biases b[l][j].
        var w = sizes.Skip(1).Select((n, k) => new double[n, sizes[k]]).ToArray();
        var b = sizes.Skip(1).Select(n => new double[n]).ToArray();
        world.Query(new QueryDescription().WithAll<Synapse, Weight>(), (ref Synapse s, ref Weight weight) =>
        {
            var from = world.Get<Neuron>(s.From);
            var to = world.Get<Neuron>(s.To);
            w[to.Layer - 1][to.Index, from.Index] = weight.Value;
        });
        world.Query(new QueryDescription().WithAll<Neuron, Bias>(), (ref Neuron n, ref Bias bi) => b[n.Layer - 1][n.Index] = bi.Value);

        var (ecsLoss, _) = simulation.Evaluate();
        var ecsOutput = simulation.Topology.Output.Out[0];
        var predicted = simulation.PredictTraining();

        double loss = 0;
        for (var s = 0; s < data.Count; s++)
        {
            double[] a = [data.X0[s], data.X1[s]];
            var probe = simulation.ActivationsAt(data.X0[s], data.X1[s]);
            Assert.Equal(a, probe[0]);
            for (var l = 0; l < w.Length; l++)
            {
                var next = new double[sizes[l + 1]];
                for (var j = 0; j < next.Length; j++)
                {
                    var z = b[l][j];
                    for (var i = 0; i < a.Length; i++) z += w[l][j, i] * a[i];
                    next[j] = 1 / (1 + Math.Exp(-z));
                }
                a = next;
                for (var j = 0; j < a.Length; j++) Assert.Equal(a[j], probe[l + 1][j], 12);
            }
            Assert.Equal(a[0], ecsOutput[s], 12);
            Assert.Equal(a[0], predicted[s], 12);
            loss += (data.Labels[s] - a[0]) * (data.Labels[s] - a[0]);
        }
        Assert.Equal(loss / data.Count, ecsLoss, 12);
    }

    [Fact]
    public void A_new_simulation_already_holds_the_untrained_forward_pass()
    {
        using var simulation = NetworkFactory.Create([4, 4], seed: 9);
        var data = simulation.Data;
        var expected = new double[data.Count];
        simulation.Predict(data.X0, data.X1, expected);

        Assert.Equal(0, simulation.Epoch);
        // The untrained network's loss and accuracy are known from the start (not NaN): quitting at epoch 0 reports them.
        var mse = expected.Select((y, s) => (y - data.Labels[s]) * (y - data.Labels[s])).Average();
        Assert.Equal(mse, simulation.Loss, 12);
        Assert.Equal(expected.Where((y, s) => (y >= 0.5 ? 1 : 0) == data.Labels[s]).Count() / (double)data.Count, simulation.Accuracy, 12);
        for (var s = 0; s < data.Count; s++) Assert.Equal(expected[s], simulation.Topology.Output.Out[0][s], 12);
    }

    [Fact]
    public void Every_neuron_and_every_weight_is_an_entity()
    {
        using var simulation = NetworkFactory.Create([4, 4]);
        var world = simulation.World;
        Assert.Equal(2 + 4 + 4 + 1, world.CountEntities(new QueryDescription().WithAll<Neuron>()));
        Assert.Equal(2 * 4 + 4 * 4 + 4 * 1, world.CountEntities(new QueryDescription().WithAll<Synapse, Weight>()));
        Assert.Equal(9, world.CountEntities(new QueryDescription().WithAll<Bias>()));
        Assert.Equal(2, world.CountEntities(new QueryDescription().WithAll<Neuron>().WithNone<ActivationFn>()));
    }

    [Fact]
    public void Without_bias_no_neuron_has_a_bias_component()
    {
        using var simulation = NetworkFactory.Create([4, 4], bias: false);
        Assert.Equal(0, simulation.World.CountEntities(new QueryDescription().WithAll<Bias>()));
    }
}
