using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Tests.Oracle;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>
/// The ECS systems against <see cref="PlainNetwork"/>, an independent scalar implementation, over
/// 1000 epochs: every loss, activation, optimizer, regularization and mini-batch setting.
/// </summary>
public class OracleTests
{
    // Settings where training is chaotic are left out: RMSprop at lr 0.01 and cross-entropy at lr 1 on xor
    // agree to 1e-15 for 200 to 500 epochs, then a rounding difference grows tenfold every few epochs
    // (the two sides round lr * g / d in different orders). The stable settings below catch any wrong rule at once.
    public static TheoryData<string, string> Cases => new()
    {
        { "sgd", "xor 4,4 sigmoid" },
        { "sgd", "linear 3,5,2 tanh lr=0.1" },
        { "sgd", "linear 6 identity lr=0.01" },
        { "sgd", "linear 5,4 relu,tanh lr=0.1" },
        { "sgd", "linear 5,4 leaky-relu lr=0.1" },
        { "sgd", "linear 4,4 sigmoid loss=bce" },
        { "rmsprop", "linear 4,4 sigmoid lr=0.001" },
        { "sgd", "xor 4,4 sigmoid l2=0.01 l1=0.001" },
        { "momentum", "xor 4,4 sigmoid lr=0.1" },
        { "nesterov", "xor 4,4 sigmoid lr=0.1" },
        { "rmsprop", "xor 4,4 sigmoid lr=0.001" },
        { "adam", "xor 4,4 sigmoid lr=0.01" },
        { "adam", "linear 8,8 tanh lr=0.01 loss=bce l2=0.001" },
        { "sgd", "linear 4,4 sigmoid batch=7" },
        { "adam", "xor 4,4 sigmoid lr=0.01 batch=8" },
        { "sgd", "xor 4,4 sigmoid nobias" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_history_equals_the_plain_implementation_over_1000_epochs(string optimizer, string setting)
    {
        using var simulation = Build(optimizer, setting, epochs: 1000);
        var oracle = new PlainNetwork(simulation);

        simulation.Step(1000);
        for (var epoch = 0; epoch < 1000; epoch++) oracle.Step();

        Assert.Equal(1000, simulation.Context.LossHistory.Count);
        for (var epoch = 0; epoch < 1000; epoch++)
        {
            var (ecs, plain) = (simulation.Context.LossHistory[epoch], oracle.LossHistory[epoch]);
            Assert.True(Math.Abs(ecs - plain) <= 1e-9 * Math.Max(1, Math.Abs(plain)), $"{optimizer} {setting}, epoch {epoch + 1}: ECS {ecs:R}, plain {plain:R}");
        }
    }

    // Above 4096 weights the optimizer and the gather/scatter copies split their chunks across the two cores,
    // and above 200000 multiply-adds the products do, each half applying its rows' activation or derivative.
    public static TheoryData<string, string> ParallelCases => new()
    {
        { "sgd", "linear 130,130 tanh,sigmoid lr=0.1" },
        { "momentum", "linear 130,130 relu,tanh lr=0.01" },
        { "rmsprop", "linear 130,130 sigmoid lr=0.001" },
        { "adam", "linear 130,130 leaky-relu,sigmoid lr=0.001 l2=0.001" },
    };

    [Theory]
    [MemberData(nameof(ParallelCases))]
    public void Loss_history_equals_the_plain_implementation_where_the_work_is_split_across_cores(string optimizer, string setting)
    {
        using var simulation = Build(optimizer, setting, epochs: 100);
        Assert.True(simulation.Topology.ParameterCount > Model.WorkHalves.MinimumToSplit, "the case must be large enough to split");
        var oracle = new PlainNetwork(simulation);

        simulation.Step(100);
        for (var epoch = 0; epoch < 100; epoch++) oracle.Step();

        for (var epoch = 0; epoch < 100; epoch++)
        {
            var (ecs, plain) = (simulation.Context.LossHistory[epoch], oracle.LossHistory[epoch]);
            Assert.True(Math.Abs(ecs - plain) <= 1e-9 * Math.Max(1, Math.Abs(plain)), $"{optimizer} {setting}, epoch {epoch + 1}: ECS {ecs:R}, plain {plain:R}");
        }
    }

    /// <summary>"xor 4,4 relu,tanh lr=0.1 loss=bce batch=7 l2=0.01 nobias" into a simulation.</summary>
    internal static TrainingSimulation Build(string optimizer, string setting, int epochs)
    {
        var words = setting.Split(' ');
        var named = words.Skip(3).Where(w => w.Contains('=')).ToDictionary(w => w.Split('=')[0], w => w.Split('=')[1]);
        double Number(string key, double fallback) => named.TryGetValue(key, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var spec = new NetworkSpec
        {
            Hidden = words[1].Split(',').Select(int.Parse).ToArray(),
            HiddenActivations = words[2].Split(',').Select(a => Activations.Parse(a, "activation")).ToArray(),
            OutputActivation = Activation.Sigmoid,
            UseBias = !words.Contains("nobias"),
            Seed = 5,
        };
        var options = new TrainingOptions
        {
            LearningRate = Number("lr", 1),
            TargetLoss = 0,
            MaxEpochs = epochs,
            Loss = named.TryGetValue("loss", out var loss) ? Losses.Parse(loss, "loss") : LossKind.Mse,
            Optimizer = new OptimizerSettings { Kind = Systems.Optimizers.Parse(optimizer, "optimizer") },
            L2 = Number("l2", 0),
            L1 = Number("l1", 0),
            BatchSize = (int)Number("batch", 0),
            ShuffleSeed = 3,
        };
        return new TrainingSimulation(spec, words[0] == "xor" ? DataSets.Xor() : DataSets.Linear(40, seed: 2), options);
    }
}
