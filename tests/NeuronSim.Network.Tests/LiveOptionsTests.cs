using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Tests.Oracle;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>
/// Changing the training options while a network learns (the live window's O, Z, J): the run goes on
/// (and the window's A) from its epoch with the new rule, exactly as the plain implementation started from that network
/// and those options (fresh optimizer state) trains it.
/// </summary>
public class LiveOptionsTests
{
    public static TheoryData<string, string, string> Changes => new()
    {
        // optimizer before, setting (network, data and the options before), the options after
        { "sgd", "xor 4,4 sigmoid", "optimizer=adam lr=0.01" },
        { "adam", "xor 4,4 sigmoid lr=0.01", "optimizer=momentum lr=0.1" },
        { "momentum", "linear 5,4 tanh lr=0.1", "optimizer=sgd lr=0.1 batch=8" },
        { "sgd", "linear 4,4 sigmoid batch=7", "optimizer=sgd batch=0 l2=0.01" },
        { "rmsprop", "linear 4,4 sigmoid lr=0.001 l1=0.001", "optimizer=adam lr=0.01 batch=16" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void After_a_change_the_run_goes_on_as_a_fresh_run_of_the_new_options_from_that_network(string optimizer, string setting, string after)
    {
        using var simulation = OracleTests.Build(optimizer, setting, epochs: 100_000);
        simulation.Step(300);
        var changed = Options(simulation.Options, after);

        simulation.ChangeOptions(changed);
        var oracle = new PlainNetwork(simulation);
        simulation.Step(300);
        for (var epoch = 0; epoch < 300; epoch++) oracle.Step();

        Assert.Equal(600, simulation.Epoch);
        Assert.Equal(600, simulation.Context.LossHistory.Count);
        Assert.Equal(changed, simulation.Options);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            var (ecs, plain) = (simulation.Context.LossHistory[300 + epoch], oracle.LossHistory[epoch]);
            Assert.True(Math.Abs(ecs - plain) <= 1e-9 * Math.Max(1, Math.Abs(plain)), $"{setting} -> {after}, epoch {301 + epoch}: ECS {ecs:R}, plain {plain:R}");
        }
    }

    [Theory]
    [InlineData("sgd", "xor 4,4 sigmoid lr=0.1", Activation.Tanh)]
    [InlineData("sgd", "linear 5,4 tanh lr=0.1", Activation.Relu)]
    [InlineData("sgd", "linear 4,4 sigmoid lr=0.1 batch=8", Activation.LeakyRelu)]
    public void After_the_hidden_activation_changes_the_run_goes_on_as_a_fresh_run_of_that_network(string optimizer, string setting, Activation next)
    {
        using var simulation = OracleTests.Build(optimizer, setting, epochs: 100_000);
        simulation.Step(300);

        new Editing.NetworkEditor(simulation).SetHiddenActivation(next);
        var oracle = new PlainNetwork(simulation);
        simulation.Step(300);
        for (var epoch = 0; epoch < 300; epoch++) oracle.Step();

        Assert.Equal(600, simulation.Epoch);
        Assert.All(simulation.Topology.Layers[1..^1], layer => Assert.Equal(next, layer.Activation.Kind));
        Assert.Equal(Activation.Sigmoid, simulation.Topology.Output.Activation.Kind);
        Assert.Equal([next], simulation.Spec.HiddenActivations);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            var (ecs, plain) = (simulation.Context.LossHistory[300 + epoch], oracle.LossHistory[epoch]);
            Assert.True(Math.Abs(ecs - plain) <= 1e-9 * Math.Max(1, Math.Abs(plain)), $"{setting} -> {next}, epoch {301 + epoch}: ECS {ecs:R}, plain {plain:R}");
        }
    }

    [Fact]
    public void The_same_optimizer_keeps_its_state_when_the_batch_size_changes()
    {
        using var simulation = OracleTests.Build("adam", "linear 4,4 sigmoid lr=0.01", epochs: 1000);
        simulation.Step(50);
        var moments = Moments(simulation);
        Assert.Contains(moments, m => m.ExpAvg != 0);

        simulation.ChangeOptions(simulation.Options with { BatchSize = 8 });

        Assert.Equal(moments, Moments(simulation));
        Assert.Equal(50, simulation.Context.OptimizerSteps);
        simulation.ChangeOptions(simulation.Options with { Optimizer = new OptimizerSettings { Kind = OptimizerKind.Momentum } });
        Assert.All(Moments(simulation), m => Assert.Equal(default, m));
        Assert.Equal(0, simulation.Context.OptimizerSteps);
    }

    private static List<AdamMoments> Moments(TrainingSimulation simulation)
    {
        var all = new List<AdamMoments>();
        foreach (var chunk in simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Weight, AdamMoments>())) all.AddRange(chunk.GetSpan<AdamMoments>().ToArray());
        return all;
    }

    [Fact]
    public void Options_the_network_cannot_take_are_refused_and_nothing_changes()
    {
        using var simulation = OracleTests.Build("sgd", "xor 4,4 sigmoid", epochs: 1000);
        simulation.Step(10);
        var before = simulation.Options;

        Assert.Throws<ArgumentException>(() => simulation.ChangeOptions(before with { BatchSize = 1000 }));
        Assert.Throws<ArgumentException>(() => simulation.ChangeOptions(before with { LearningRate = -1 }));

        Assert.Equal(before, simulation.Options);
        simulation.Step(10);
        Assert.Equal(20, simulation.Epoch);
    }

    private static TrainingOptions Options(TrainingOptions start, string words)
    {
        var named = words.Split(' ').ToDictionary(w => w.Split('=')[0], w => w.Split('=')[1]);
        double Number(string key, double fallback) => named.TryGetValue(key, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return start with
        {
            Optimizer = new OptimizerSettings { Kind = Systems.Optimizers.Parse(named["optimizer"], "optimizer") },
            LearningRate = Number("lr", start.LearningRate),
            BatchSize = (int)Number("batch", start.BatchSize),
            L2 = Number("l2", 0),
            L1 = Number("l1", 0),
        };
    }
}
