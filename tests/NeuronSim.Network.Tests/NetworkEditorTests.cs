using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Editing;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Changing the network while it learns: the ECS side of the playground.</summary>
public class NetworkEditorTests
{
    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    public void Pruning_a_weight_trains_exactly_like_a_weight_fixed_at_zero_and_frozen(string optimizer)
    {
        TrainingSimulation Create() => new(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 3), DataSets.Xor(),
            new TrainingOptions { Optimizer = new OptimizerSettings { Kind = Systems.Optimizers.Parse(optimizer, "o") }, LearningRate = 0.05, TargetLoss = 0 });
        using var pruned = Create();
        using var frozen = Create();
        pruned.Step(5);
        frozen.Step(5);

        new NetworkEditor(pruned).Prune(pruned.Topology.WeightEntity(2, 1, 3));
        var weight = frozen.Topology.WeightEntity(2, 1, 3);
        frozen.World.Get<Weight>(weight).Value = 0;
        frozen.World.Add<Frozen>(weight);
        frozen.ParametersChanged();
        pruned.Step(300);
        frozen.Step(300);

        Assert.Equal(frozen.Context.LossHistory, pruned.Context.LossHistory);
        Assert.Equal(frozen.Topology.ParameterCount - 1, pruned.Topology.ParameterCount);
        Assert.Equal(Entity.Null, pruned.Topology.WeightEntityOrNull(2, 1, 3));
    }

    [Fact]
    public void Adding_a_neuron_keeps_every_other_weight_and_training_goes_on()
    {
        using var simulation = NetworkFactory.Create([4, 4], seed: 2);
        simulation.Step(50);
        var before = Weights(simulation.World);

        new NetworkEditor(simulation).AddNeuron(1);

        var after = Weights(simulation.World);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        Assert.Equal(before.Count + 2 + 4, after.Count);
        Assert.Equal("2-5-4-1", string.Join('-', simulation.Spec.LayerSizes));
        Assert.Equal([2, 5, 4, 1], simulation.Topology.Layers.Select(l => l.Size));
        simulation.Step(100);
        Assert.Equal(150, simulation.Epoch);
        Assert.True(double.IsFinite(simulation.Loss));
    }

    [Fact]
    public void Removing_a_neuron_removes_it_and_its_weights_only()
    {
        using var simulation = NetworkFactory.Create([4, 4], seed: 2);
        var last = simulation.Topology.Layers[2].Neurons[^1];
        var before = Weights(simulation.World);

        new NetworkEditor(simulation).RemoveLastNeuron(2);

        Assert.False(simulation.World.IsAlive(last));
        var after = Weights(simulation.World);
        Assert.Equal(before.Count - 4 - 1, after.Count);
        Assert.All(after, pair => Assert.Equal(before[pair.Key], pair.Value));
        Assert.Equal("2-4-3-1", string.Join('-', simulation.Spec.LayerSizes));
        simulation.Step(10);
    }

    [Fact]
    public void Adding_and_removing_a_layer_reshapes_the_network_and_it_still_learns_xor()
    {
        using var simulation = NetworkFactory.Create([4, 4], seed: 1);
        var editor = new NetworkEditor(simulation);
        editor.AddLayer(1);
        Assert.Equal([2, 4, 4, 4, 1], simulation.Topology.Layers.Select(l => l.Size));
        Assert.Equal(2 * 4 + 4 * 4 + 4 * 4 + 4, simulation.Topology.ConnectedCount);

        editor.RemoveLayer(2);
        Assert.Equal([2, 4, 4, 1], simulation.Topology.Layers.Select(l => l.Size));
        Assert.Equal("2-4-4-1 sigmoid, bias", simulation.Spec.ToString());

        Assert.Equal(TrainingStatus.Converged, simulation.Step(20_000));
    }

    [Fact]
    public void A_frozen_neuron_keeps_its_bias()
    {
        using var simulation = NetworkFactory.Create([3]);
        var neuron = simulation.Topology.Layers[1].Neurons[0];
        var bias = simulation.World.Get<Bias>(neuron).Value;
        Assert.True(new NetworkEditor(simulation).ToggleFrozen(neuron));
        simulation.Step(20);
        Assert.Equal(bias, simulation.World.Get<Bias>(neuron).Value);
        Assert.False(new NetworkEditor(simulation).ToggleFrozen(neuron));
        simulation.Step(1);
        Assert.NotEqual(bias, simulation.World.Get<Bias>(neuron).Value);
    }

    [Fact]
    public void New_weights_get_the_optimizers_state()
    {
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Activation.Sigmoid, true, 1), DataSets.Xor(),
            new TrainingOptions { Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }, LearningRate = 0.01 });
        new NetworkEditor(simulation).AddNeuron(1);
        Assert.Equal(simulation.Topology.ParameterCount, simulation.World.CountEntities(new QueryDescription().WithAll<AdamMoments>()));
        simulation.Step(5);
    }

    private static Dictionary<Entity, double> Weights(World world)
    {
        var weights = new Dictionary<Entity, double>();
        world.Query(new QueryDescription().WithAll<Weight>(), (Entity e, ref Weight w) => weights[e] = w.Value);
        return weights;
    }
}
