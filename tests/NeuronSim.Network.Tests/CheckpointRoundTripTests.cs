using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>A network saved and loaded again is the same network, bit for bit, in a file laid out as PyTorch's state_dict.</summary>
public sealed class CheckpointRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Saving_and_loading_gives_back_every_weight_and_bias_bit_for_bit_and_saving_again_the_same_bytes()
    {
        using var trained = NetworkFactory.Create([4, 3], seed: 5, lr: 0.7);
        trained.Step(137);
        var file = Path.Combine(_dir, "a.safetensors");
        var saved = NetworkCheckpoint.Capture(trained);
        saved.Save(file);

        var loaded = NetworkCheckpoint.Load(file);
        Assert.Equal([2, 4, 3, 1], loaded.LayerSizes);
        Assert.Equal([Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid], loaded.Activations);
        Assert.True(loaded.UseBias);
        AssertSameParameters(saved, loaded);
        var metadata = loaded.Metadata!;
        Assert.Equal((5, "xor", 137, "mse", "sgd", "lr=0.7", "x0,x1", CheckpointMetadata.CurrentVersion),
            (metadata.Seed, metadata.DataSet, metadata.Epoch, metadata.Loss, metadata.Optimizer, metadata.OptimizerSettings, metadata.Features, metadata.NeuronSimVersion));

        // Into the components of a fresh network (other seed, so other initial weights) and out again.
        using var fresh = NetworkFactory.Create([4, 3], seed: 99);
        loaded.ApplyTo(fresh);
        AssertSameParameters(saved, NetworkCheckpoint.Capture(fresh));
        Assert.Equal(trained.PredictTraining(), fresh.PredictTraining());

        var again = Path.Combine(_dir, "b.safetensors");
        loaded.Save(again);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again));
    }

    [Fact]
    public void A_run_continued_from_a_checkpoint_matches_the_uninterrupted_run_bit_for_bit()
    {
        using var uninterrupted = NetworkFactory.Create([4, 4], seed: 3);
        uninterrupted.Step(300);
        var file = Path.Combine(_dir, "epoch300.safetensors");
        NetworkCheckpoint.Capture(uninterrupted).Save(file);
        uninterrupted.Step(200);

        var checkpoint = NetworkCheckpoint.Load(file);
        Assert.Equal(300, checkpoint.Epoch);
        using var continued = new TrainingSimulation(checkpoint.ToSpec(), DataSets.Xor(), new TrainingOptions());
        checkpoint.ApplyTo(continued);
        continued.Step(200);

        Assert.Equal(uninterrupted.Context.LossHistory.Skip(300), continued.Context.LossHistory);
    }

    [Fact]
    public void The_file_is_safetensors_laid_out_as_the_state_dict_of_nn_Sequential()
    {
        using var simulation = NetworkFactory.Create([4, 3], seed: 2);
        var checkpoint = NetworkCheckpoint.Capture(simulation);
        var file = Path.Combine(_dir, "layout.safetensors");
        checkpoint.Save(file);
        var bytes = File.ReadAllBytes(file);

        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var root = header.RootElement;
        (string Name, int[] Shape, double[] Values)[] expected =
        [
            ("0.weight", [4, 2], checkpoint.Weights[0]), ("0.bias", [4], checkpoint.Biases[0]),
            ("2.weight", [3, 4], checkpoint.Weights[1]), ("2.bias", [3], checkpoint.Biases[1]),
            ("4.weight", [1, 3], checkpoint.Weights[2]), ("4.bias", [1], checkpoint.Biases[2]),
        ];
        var offset = 0;
        foreach (var (name, shape, values) in expected)
        {
            var entry = root.GetProperty(name);
            Assert.Equal("F64", entry.GetProperty("dtype").GetString());
            Assert.Equal(shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
            Assert.Equal([offset, offset + 8 * values.Length], entry.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt32()));
            for (var k = 0; k < values.Length; k++)
            {
                Assert.Equal(values[k], BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 + headerLength + offset + 8 * k)));
            }
            offset += 8 * values.Length;
        }
        Assert.Equal(8 + headerLength + offset, bytes.Length);
        var metadata = root.GetProperty("__metadata__");
        Assert.Equal("1", metadata.GetProperty("format_version").GetString());
        Assert.Equal("2,4,3,1", metadata.GetProperty("layer_sizes").GetString());
        Assert.Equal("sigmoid,sigmoid,sigmoid", metadata.GetProperty("activations").GetString());
        Assert.Equal("true", metadata.GetProperty("bias").GetString());
        Assert.Equal("2", metadata.GetProperty("seed").GetString());
        Assert.Equal("0", metadata.GetProperty("epoch").GetString());
        Assert.Equal(expected.Length + 1, root.EnumerateObject().Count());
    }

    [Fact]
    public void The_weight_of_the_synapse_from_input_i_to_neuron_j_is_row_j_column_i()
    {
        // An asymmetric 2-3-1 network written by hand: the prediction must follow z_j = b_j + sum_i W[j, i] x_i.
        double[] w0 = [1.5, -2, 0.25, 3, -1, 0.5];
        double[] b0 = [0.1, -0.2, 0.3];
        double[] w1 = [2, -1.5, 0.75];
        double[] b1 = [-0.4];
        var checkpoint = new NetworkCheckpoint([2, 3, 1], null, true, [w0, w1], [b0, b1]);
        using var simulation = new TrainingSimulation(checkpoint.ToSpec(Activation.Tanh), DataSets.Xor());
        checkpoint.ApplyTo(simulation);

        var data = simulation.Data;
        var predicted = simulation.PredictTraining();
        for (var k = 0; k < data.Count; k++)
        {
            double z = b1[0];
            for (var j = 0; j < 3; j++) z += w1[j] * Math.Tanh(b0[j] + w0[2 * j] * data.X0[k] + w0[2 * j + 1] * data.X1[k]);
            Assert.Equal(Math.Tanh(z), predicted[k], 1e-14);
        }
        // The neurons show the loaded network's forward pass (what the window draws) without a training step.
        Assert.Equal(predicted, simulation.Topology.Output.Out[0].Take(data.Count));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_PyTorch_state_dict_without_NeuronSim_metadata_loads_with_sizes_and_bias_from_its_tensors(bool bias)
    {
        // What safetensors.torch.save_file(nn.Sequential(Linear(2,3), Sigmoid(), Linear(3,1), Sigmoid()).state_dict()) holds (as F64).
        var tensors = new List<NamedTensor> { new("0.weight", [3, 2], [1, 2, 3, 4, 5, 6]) };
        if (bias) tensors.Add(new("0.bias", [3], [0.1, 0.2, 0.3]));
        tensors.Add(new("2.weight", [1, 3], [-1, -2, -3]));
        if (bias) tensors.Add(new("2.bias", [1], [0.5]));
        var file = Path.Combine(_dir, "torch.safetensors");
        SafeTensorsWriter.Write(file, new TensorSet(tensors, new Dictionary<string, string> { ["format"] = "pt" }));

        var checkpoint = NetworkCheckpoint.Load(file);
        Assert.Null(checkpoint.Metadata);
        Assert.Null(checkpoint.Activations);
        Assert.Equal(0, checkpoint.Epoch);
        Assert.Equal([2, 3, 1], checkpoint.LayerSizes);
        Assert.Equal(bias, checkpoint.UseBias);
        var spec = checkpoint.ToSpec(Activation.Relu);
        Assert.Equal([3], spec.Hidden);
        Assert.Equal((Activation.Relu, Activation.Relu, bias), (spec.ActivationOf(1).Kind, spec.OutputActivation, spec.UseBias));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], checkpoint.Weights[0]);
        Assert.Equal(bias ? [0.5] : [], checkpoint.Biases[1]);
    }

    [Fact]
    public void F32_tensors_PyTorchs_default_are_widened_exactly_to_F64()
    {
        float[] w0 = [0.1f, -0.2f, 0.3f, -0.4f];
        float[] w1 = [1.1f, -1.3f];
        var header = """{"__metadata__":{"format":"pt"},"0.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"2.weight":{"dtype":"F32","shape":[1,2],"data_offsets":[16,24]}}""";
        var file = Path.Combine(_dir, "f32.safetensors");
        File.WriteAllBytes(file, CheckpointFiles.Raw(header, CheckpointFiles.Floats([.. w0, .. w1])));

        var checkpoint = NetworkCheckpoint.Load(file);
        Assert.Equal(w0.Select(v => (double)v), checkpoint.Weights[0]);
        Assert.Equal(w1.Select(v => (double)v), checkpoint.Weights[1]);
        Assert.False(checkpoint.UseBias);
    }

    [Fact]
    public void Metadata_NeuronSim_does_not_know_and_optimizer_tensors_survive_a_load_and_a_save()
    {
        using var simulation = NetworkFactory.Create([3], seed: 4);
        var state = new NamedTensor("optimizer.0.weight.exp_avg", [3, 2], [1, 2, 3, 4, 5, 6]);
        var checkpoint = NetworkCheckpoint.Capture(simulation).WithOptimizerState([state]);
        checkpoint = checkpoint.WithMetadata(checkpoint.Metadata! with { Other = new Dictionary<string, string> { ["note"] = "kept" }, DataSeed = 12 });
        var file = Path.Combine(_dir, "extra.safetensors");
        checkpoint.Save(file);

        var loaded = NetworkCheckpoint.Load(file);
        Assert.Equal("kept", loaded.Metadata!.Other["note"]);
        Assert.Equal(12, loaded.Metadata.DataSeed);
        var kept = Assert.Single(loaded.OptimizerState);
        Assert.Equal(state.Name, kept.Name);
        Assert.Equal(state.Shape, kept.Shape);
        Assert.Equal(state.Values, kept.Values);
    }

    [Fact]
    public void A_checkpoint_does_not_go_into_a_network_of_another_shape()
    {
        using var source = NetworkFactory.Create([4, 4]);
        var checkpoint = NetworkCheckpoint.Capture(source);
        using var smaller = NetworkFactory.Create([3]);
        using var unbiased = NetworkFactory.Create([4, 4], bias: false);
        using var tanh = NetworkFactory.Create([4, 4], Activation.Tanh);

        Assert.Contains("layer sizes 2-4-4-1 in the checkpoint, 2-3-1 in the network", Assert.Throws<ArgumentException>(() => checkpoint.ApplyTo(smaller)).Message);
        Assert.Contains("biases in the checkpoint, none in the network", Assert.Throws<ArgumentException>(() => checkpoint.ApplyTo(unbiased)).Message);
        Assert.Contains("activations sigmoid,sigmoid,sigmoid in the checkpoint, tanh,tanh,tanh", Assert.Throws<ArgumentException>(() => checkpoint.ApplyTo(tanh)).Message);
        Assert.Null(checkpoint.ConflictWith(source.Spec));
    }

    [Fact]
    public void A_diverged_network_is_not_saved_and_the_previous_file_stays()
    {
        using var simulation = NetworkFactory.Create([3]);
        var file = Path.Combine(_dir, "kept.safetensors");
        var good = NetworkCheckpoint.Capture(simulation);
        good.Save(file);
        var before = File.ReadAllBytes(file);
        var weights = good.Weights.Select(w => w.ToArray()).ToArray();
        weights[1][2] = double.NaN;
        var diverged = new NetworkCheckpoint(good.LayerSizes, good.Activations, good.UseBias, weights, good.Biases, good.Metadata);

        var error = Assert.Throws<ArgumentException>(() => diverged.Save(file));
        Assert.Contains("tensor '2.weight' holds NaN at [0, 2]", error.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Single(Directory.GetFiles(_dir));
    }

    private static void AssertSameParameters(NetworkCheckpoint expected, NetworkCheckpoint actual)
    {
        static long[][] Bits(IReadOnlyList<double[]> arrays) => arrays.Select(a => a.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToArray();
        Assert.Equal(Bits(expected.Weights), Bits(actual.Weights));
        Assert.Equal(Bits(expected.Biases), Bits(actual.Biases));
    }
}
