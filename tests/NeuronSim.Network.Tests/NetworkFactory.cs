using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Small networks and data for the tests.</summary>
internal static class NetworkFactory
{
    public static TrainingSimulation Create(int[] hidden, Activation activation = Activation.Sigmoid, bool bias = true, int seed = 1, DataSet? data = null, double lr = 1) =>
        new(NetworkSpec.Uniform(hidden, activation, bias, seed), data ?? DataSets.Xor(), new TrainingOptions { LearningRate = lr });
}
