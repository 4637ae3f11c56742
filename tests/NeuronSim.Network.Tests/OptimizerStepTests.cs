using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>
/// Each optimizer's first three steps on every weight and bias, against its torch.optim rule worked
/// out here with plain arithmetic from the gradient the step used (left in the component's Grad).
/// </summary>
public class OptimizerStepTests
{
    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.RmsProp)]
    [InlineData(OptimizerKind.Adam)]
    public void First_three_steps_follow_the_torch_rule(OptimizerKind kind)
    {
        var settings = new OptimizerSettings { Kind = kind, Momentum = 0.8, Beta1 = 0.85, Beta2 = 0.99, Eps = 1e-6, Alpha = 0.9 };
        const double lr = 0.05;
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Activation.Sigmoid, true, 3), DataSets.Xor(),
            new TrainingOptions { LearningRate = lr, Optimizer = settings, TargetLoss = 0 });
        var parameters = Parameters(simulation.World);
        var (s1, s2) = (new double[parameters.Count], new double[parameters.Count]);

        for (var t = 1; t <= 3; t++)
        {
            var before = parameters.Select(p => p.Value()).ToArray();
            simulation.Step();
            for (var q = 0; q < parameters.Count; q++)
            {
                var (w, g) = (before[q], parameters[q].Grad());
                double expected;
                switch (kind)
                {
                    case OptimizerKind.Sgd: expected = w - lr * g; break;
                    case OptimizerKind.Momentum: s1[q] = t == 1 ? g : 0.8 * s1[q] + g; expected = w - lr * s1[q]; break;
                    case OptimizerKind.Nesterov: s1[q] = t == 1 ? g : 0.8 * s1[q] + g; expected = w - lr * (g + 0.8 * s1[q]); break;
                    case OptimizerKind.RmsProp: s2[q] = 0.9 * s2[q] + 0.1 * g * g; expected = w - lr * g / (Math.Sqrt(s2[q]) + 1e-6); break;
                    default:
                        s1[q] = 0.85 * s1[q] + 0.15 * g;
                        s2[q] = 0.99 * s2[q] + 0.01 * g * g;
                        expected = w - lr * (s1[q] / (1 - Math.Pow(0.85, t))) / (Math.Sqrt(s2[q] / (1 - Math.Pow(0.99, t))) + 1e-6);
                        break;
                }
                var actual = parameters[q].Value();
                Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                    $"{kind} step {t}, {parameters[q].Name}: expected {expected:R}, got {actual:R}");
            }
        }
    }

    [Fact]
    public void A_frozen_weight_keeps_its_value_and_the_others_learn()
    {
        using var simulation = NetworkFactory.Create([3]);
        var world = simulation.World;
        var frozen = simulation.Topology.WeightEntity(1, 0, 2);
        world.Add<Frozen>(frozen);
        var value = world.Get<Weight>(frozen).Value;
        var other = simulation.Topology.WeightEntity(1, 1, 2);
        var otherValue = world.Get<Weight>(other).Value;

        simulation.Step(10);

        Assert.Equal(value, world.Get<Weight>(frozen).Value);
        Assert.NotEqual(otherValue, world.Get<Weight>(other).Value);
    }

    private static List<(string Name, Func<double> Value, Func<double> Grad)> Parameters(World world)
    {
        var list = new List<(string, Func<double>, Func<double>)>();
        world.Query(new QueryDescription().WithAll<Weight>(), (Entity e, ref Weight _) =>
            list.Add(($"weight {e}", () => world.Get<Weight>(e).Value, () => world.Get<Weight>(e).Grad)));
        world.Query(new QueryDescription().WithAll<Bias>(), (Entity e, ref Bias _) =>
            list.Add(($"bias {e}", () => world.Get<Bias>(e).Value, () => world.Get<Bias>(e).Grad)));
        return list;
    }
}
