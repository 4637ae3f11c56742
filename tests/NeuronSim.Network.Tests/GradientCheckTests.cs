using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;

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
        var expectedCount = simulation.Topology.Weights.Length + (bias ? hidden.Sum() + 1 : 0);
        Assert.Equal(expectedCount, parameters.Count);

        const double h = 1e-5;
        foreach (var (name, grad, set, get) in parameters)
        {
            var original = get();
            set(original + h);
            var plus = simulation.Evaluate().Loss;
            set(original - h);
            var minus = simulation.Evaluate().Loss;
            set(original);
            var numeric = (plus - minus) / (2 * h);
            var analytic = grad();
            var relative = Math.Abs(numeric - analytic) / Math.Max(1e-7, Math.Abs(numeric) + Math.Abs(analytic));
            Assert.True(relative < 1e-6, $"{name}: analytic {analytic:R}, numeric {numeric:R}, relative error {relative:E2}");
        }
    }
}
