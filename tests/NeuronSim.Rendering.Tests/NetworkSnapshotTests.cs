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
}
