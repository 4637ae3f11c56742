using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>The tick's systems come from the options, in the order the design names them.</summary>
public class PipelineTests
{
    [Fact]
    public void The_lab_tick_reads_as_its_systems()
    {
        using var simulation = NetworkFactory.Create([4, 4]);
        Assert.Equal(["FeedInput", "GatherParameters", "ForwardPropagation", "Loss", "BackPropagation", "ScatterGradients", "Sgd", "Metrics"],
            simulation.Pipeline.SystemNames);
    }

    [Theory]
    [InlineData(OptimizerKind.Momentum, "Momentum", "Velocity")]
    [InlineData(OptimizerKind.Nesterov, "Momentum", "Velocity")]
    [InlineData(OptimizerKind.RmsProp, "RmsProp", "SquareAverage")]
    [InlineData(OptimizerKind.Adam, "Adam", "AdamMoments")]
    public void Options_choose_the_optimizer_system_its_state_and_regularization(OptimizerKind kind, string system, string state)
    {
        var options = new TrainingOptions { Optimizer = new OptimizerSettings { Kind = kind }, L2 = 0.1 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 4], Activation.Sigmoid, true, 1), DataSets.Xor(), options);
        Assert.Equal(["FeedInput", "GatherParameters", "ForwardPropagation", "Loss", "BackPropagation", "ScatterGradients", "Regularization", system, "Metrics"],
            simulation.Pipeline.SystemNames);
        // The optimizer's state lives in a component on every weight and bias entity.
        var withState = state switch
        {
            "Velocity" => new NeuronSim.Ecs.QueryDescription().WithAll<Velocity>(),
            "SquareAverage" => new NeuronSim.Ecs.QueryDescription().WithAll<SquareAverage>(),
            _ => new NeuronSim.Ecs.QueryDescription().WithAll<AdamMoments>(),
        };
        Assert.Equal(simulation.Topology.ParameterCount, simulation.World.CountEntities(withState));
    }

    [Fact]
    public void Cross_entropy_needs_a_sigmoid_output()
    {
        var spec = NetworkSpec.Uniform([4], Activation.Tanh, true, 1);
        var error = Assert.Throws<ArgumentException>(() => new TrainingSimulation(spec, DataSets.Xor(), new TrainingOptions { Loss = LossKind.Bce }));
        Assert.Equal("--loss bce needs a sigmoid output, got --output-activation tanh", error.Message);
    }

    [Fact]
    public void A_layer_whose_neurons_disagree_on_the_activation_is_refused()
    {
        using var simulation = NetworkFactory.Create([3]);
        var neuron = simulation.Topology.Layers[1].Neurons[2];
        simulation.World.Set(neuron, new ActivationFn(Activation.Tanh));
        simulation.World.Remove<Bias>(neuron); // a structural change: the topology is rebuilt
        var error = Assert.Throws<InvalidOperationException>(() => simulation.Topology);
        Assert.Contains("layer 1: neurons disagree on the activation", error.Message);
    }
}
