using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Every gradient from the back-propagation system against a central finite difference of the loss.</summary>
public class GradientCheckTests
{
    public static TheoryData<int[], Activation, bool> Networks => new()
    {
        { [], Activation.Sigmoid, true },
        { [], Activation.Identity, false },
        { [3], Activation.Sigmoid, true },
        { [3], Activation.Identity, true },
        { [4, 4], Activation.Sigmoid, true },
        { [4, 4], Activation.Sigmoid, false },
        { [4, 4], Activation.Identity, false },
        { [5, 3, 2], Activation.Sigmoid, true },
        { [5, 3, 2], Activation.Identity, true },
        { [3, 2], Activation.Tanh, true },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Weight_and_bias_gradients_match_central_differences(int[] hidden, Activation activation, bool bias)
    {
        using var simulation = NetworkFactory.Create(hidden, activation, bias, seed: 7, data: DataSets.Linear(12, seed: 3));
        AssertGradientsMatch(simulation, $"{string.Join(',', hidden)} {activation}");
    }

    /// <summary>Each activation in each position (first hidden layer, second hidden layer, output), with each loss it allows, with and without bias.</summary>
    public static TheoryData<Activation, int, LossKind, bool> EveryActivationEverywhere()
    {
        var cases = new TheoryData<Activation, int, LossKind, bool>();
        foreach (var activation in Enum.GetValues<Activation>())
        {
            foreach (var position in new[] { 1, 2, 3 })
            {
                foreach (var loss in Enum.GetValues<LossKind>())
                {
                    // cross-entropy needs a sigmoid output
                    if (position == 3 && loss == LossKind.Bce && activation != Activation.Sigmoid) continue;
                    foreach (var bias in new[] { true, false }) cases.Add(activation, position, loss, bias);
                }
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryActivationEverywhere))]
    public void Every_activation_in_every_layer_position_with_each_loss(Activation activation, int position, LossKind loss, bool bias)
    {
        var spec = new NetworkSpec
        {
            Hidden = [4, 3],
            HiddenActivations = [position == 1 ? activation : Activation.Tanh, position == 2 ? activation : Activation.Sigmoid],
            OutputActivation = position == 3 ? activation : Activation.Sigmoid,
            Leak = 0.1,
            UseBias = bias,
            Seed = 11,
        };
        // relu and leaky relu have a kink at z = 0: no net input here lies within the step h of it (the data are random reals).
        using var simulation = new TrainingSimulation(spec, DataSets.Linear(12, seed: 4), new TrainingOptions { Loss = loss });
        AssertGradientsMatch(simulation, $"{activation} in layer {position}, {loss}, bias {bias}");
    }

    [Theory]
    [InlineData(0.01, 0.0)]
    [InlineData(0.0, 0.02)]
    [InlineData(0.05, 0.01)]
    public void Regularized_gradients_are_those_of_loss_plus_penalty(double l2, double l1)
    {
        var options = new TrainingOptions { L2 = l2, L1 = l1 };
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 3], Activation.Sigmoid, true, 13), DataSets.Linear(12, seed: 5), options);
        // The penalty, from its definition: (l2/2) sum w^2 + l1 sum |w| over the weights (never the biases).
        double Penalty()
        {
            double sum = 0;
            simulation.World.Query(new QueryDescription().WithAll<Weight>(), (ref Weight w) => sum += l2 / 2 * w.Value * w.Value + l1 * Math.Abs(w.Value));
            return sum;
        }
        AssertGradientsMatch(simulation, $"l2 {l2}, l1 {l1}", Penalty);
    }

    private static void AssertGradientsMatch(TrainingSimulation simulation, string network, Func<double>? penalty = null)
    {
        var world = simulation.World;
        simulation.ComputeGradients();

        var parameters = new List<(string Name, Func<double> Grad, Action<double> Set, Func<double> Get)>();
        world.Query(new QueryDescription().WithAll<Synapse, Weight>(), (Entity e, ref Synapse _, ref Weight w) =>
        {
            var grad = w.Grad;
            parameters.Add(($"weight {e}", () => grad, v => world.Get<Weight>(e).Value = v, () => world.Get<Weight>(e).Value));
        });
        world.Query(new QueryDescription().WithAll<Bias>(), (Entity e, ref Bias b) =>
        {
            var grad = b.Grad;
            parameters.Add(($"bias {e}", () => grad, v => world.Get<Bias>(e).Value = v, () => world.Get<Bias>(e).Value));
        });
        Assert.Equal(simulation.Topology.ParameterCount, parameters.Count);

        const double h = 1e-5;
        double Objective() => simulation.Evaluate().Loss + (penalty?.Invoke() ?? 0);
        foreach (var (name, grad, set, get) in parameters)
        {
            var original = get();
            set(original + h);
            var plus = Objective();
            set(original - h);
            var minus = Objective();
            set(original);
            var numeric = (plus - minus) / (2 * h);
            var analytic = grad();
            var relative = Math.Abs(numeric - analytic) / Math.Max(1e-7, Math.Abs(numeric) + Math.Abs(analytic));
            Assert.True(relative < 1e-6, $"{network}, {name}: analytic {analytic:R}, numeric {numeric:R}, relative error {relative:E2}");
        }
    }
}
