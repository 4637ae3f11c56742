using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Rendering.Tests;

public class NetworkSnapshotTests
{
    [Theory]
    [InlineData("xor")]
    [InlineData("linear")]
    public void Mean_activation_averages_over_the_real_points_not_the_padding(string data)
    {
        var set = DataSets.ByName(data, 37, seed: 2);
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Activation.Sigmoid, true, 1), set);
        simulation.Step(5);
        simulation.Evaluate(); // the neurons' state now holds a forward pass with the current weights
        var snapshot = new NetworkSnapshot();

        snapshot.Read(simulation.World);

        Assert.Equal(set.X0.Average(), snapshot.MeanActivation[0][0], 12);
        Assert.Equal(set.X1.Average(), snapshot.MeanActivation[0][1], 12);
        var output = new double[set.Count];
        simulation.Predict(set.X0, set.X1, output);
        Assert.Equal(output.Average(), snapshot.MeanActivation[2][0], 12);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 0.8)]
    [InlineData(1.0, 0.45)]
    public void A_probe_shows_the_networks_activations_for_that_one_input(double x0, double x1)
    {
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([4, 3], Activation.Sigmoid, true, 3), DataSets.Xor());
        simulation.Step(500);
        var snapshot = new NetworkSnapshot();
        snapshot.Read(simulation.World);

        snapshot.SetProbe((x0, x1), simulation.ActivationsAt(x0, x1));

        var shown = snapshot.ShownActivation;
        Assert.Same(snapshot.ProbeActivation, shown);
        Assert.Equal([x0, x1], shown[0]);
        var expected = new double[1];
        simulation.Predict([x0], [x1], expected);
        Assert.Equal(expected[0], shown[^1][0], 12);
        Assert.All(shown[1], a => Assert.InRange(a, 0, 1));

        snapshot.SetProbe(null, null);
        Assert.Null(snapshot.ProbeActivation);
        Assert.Same(snapshot.MeanActivation, snapshot.ShownActivation);
    }
}
