using System.Text.Json;
using NeuronSim.Network.Components;
using NeuronSim.Network.Storage;
using NeuronSim.Network.Training;

namespace NeuronSim.Benchmarking;

/// <summary>
/// One bench case as files a peer framework reads (see tests/NeuronSim.Benchmarks/peers/train_peer.py):
/// case.json (layer sizes, learning rate, activation, bias), x.npy (2 x n), y.npy (1 x n) and,
/// per layer l, wl.npy (size_l x size_l-1, row-major) and bl.npy (size_l x 1), taken from the
/// simulation's components before it trains, so the peer starts from the same weights.
/// </summary>
public static class PeerCase
{
    /// <summary>Writes <paramref name="simulation"/>'s network, weights and data into <paramref name="directory"/>.</summary>
    public static void Write(TrainingSimulation simulation, string directory)
    {
        Directory.CreateDirectory(directory);
        var topology = simulation.Topology;
        topology.GatherParameters();
        var layers = topology.Layers;
        var activations = layers.Skip(1).Select(l => l.Activation.Kind).Distinct().ToArray();
        if (activations.Length != 1) throw new ArgumentException("the peers train networks with one activation for every layer");
        var description = new
        {
            sizes = layers.Select(l => l.Size).ToArray(),
            lr = simulation.Options.LearningRate,
            activation = Name(activations[0]),
            bias = layers[1].HasBias,
            samples = simulation.Data.Count,
        };
        AtomicFile.WriteAllText(Path.Combine(directory, "case.json"), JsonSerializer.Serialize(description));
        var data = simulation.Data;
        NpyFile.Write(Path.Combine(directory, "x.npy"), [.. data.X0, .. data.X1], 2, data.Count);
        NpyFile.Write(Path.Combine(directory, "y.npy"), data.Labels, 1, data.Count);
        for (var l = 1; l < layers.Length; l++)
        {
            var layer = layers[l];
            NpyFile.Write(Path.Combine(directory, $"w{l}.npy"), topology.Weights.AsSpan(layer.WeightOffset, layer.WeightCount), layer.Size, layer.FanIn);
            NpyFile.Write(Path.Combine(directory, $"b{l}.npy"), layer.HasBias ? layer.Bias : new double[layer.Size], layer.Size, 1);
        }
    }

    /// <summary>The directory name of a case: <c>linear-400x400</c>.</summary>
    public static string DirectoryName(string data, int[] hidden) => $"{data}-{string.Join('x', hidden)}";

    /// <summary>The name of an activation as the peer script spells it.</summary>
    public static string Name(Activation activation) => Network.Model.Activations.NameOf(activation);
}
