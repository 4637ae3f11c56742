using NeuronSim.Network.Data;
using System.Buffers.Binary;
using System.Diagnostics;
using NeuronSim.Network.Checkpoints;

namespace NeuronSim.Network.Tests;

/// <summary>Every way a checkpoint file can be wrong is refused with one line naming the file and the reason.</summary>
public sealed class CheckpointBadFileTests : IDisposable
{
    // The smallest network NeuronSim builds: 2 inputs straight to 1 output, weight [1, 2] and bias [1].
    private const string Weight = "\"0.weight\":{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[0,16]}";
    private const string Bias = "\"0.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]}";
    private static readonly byte[] Data = CheckpointFiles.Doubles(0.5, -1.5, 0.25);

    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-badfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_valid_file_the_bad_ones_are_made_from_loads()
    {
        var checkpoint = NetworkCheckpoint.Load(Write(CheckpointFiles.Raw($"{{{Weight},{Bias}}}", Data)));
        Assert.Equal([2, 1], checkpoint.LayerSizes);
        Assert.Equal([0.5, -1.5], checkpoint.Weights[0]);
        Assert.Equal([0.25], checkpoint.Biases[0]);
        Assert.NotNull(NetworkCheckpoint.Load(Write(CheckpointFiles.Raw($"{{{NeuronSimMetadata()},{Weight},{Bias}}}", Data))).Metadata);
    }

    [Theory]
    [InlineData("truncated", "truncated: 5 bytes")]
    [InlineData("truncated data", "tensor '0.bias' data_offsets [16, 24] run past the end of the data (16 bytes)")]
    [InlineData("header length past the end", "header length 4,096 bytes runs past the end of the file")]
    [InlineData("absurd header length", "over the 100 MB limit")]
    [InlineData("header not JSON", "the header is not JSON")]
    [InlineData("header cut short", "the header is not JSON")]
    [InlineData("header not UTF-8", "the header is not UTF-8 text")]
    [InlineData("header not an object", "the header is not a JSON object")]
    [InlineData("unsupported dtype", "tensor '0.weight' has dtype BF16; NeuronSim reads F64 (or F32, widened to F64)")]
    [InlineData("shape and offsets inconsistent", "tensor '0.weight' has shape [2, 2] (32 bytes of F64) but data_offsets [0, 16] span 16 bytes")]
    [InlineData("overlapping offsets", "tensors '0.weight' and '0.bias' overlap")]
    [InlineData("gap", "a gap of 8 bytes before tensor '0.bias'")]
    [InlineData("bytes after the last tensor", "8 bytes after the last tensor's data")]
    [InlineData("offsets past the end", "tensor '0.bias' data_offsets [100, 108] run past the end of the data")]
    [InlineData("negative offset", "tensor '0.weight' data_offsets holds -8, not a whole number")]
    [InlineData("offsets backwards", "data_offsets [16, 8] end before they begin")]
    [InlineData("NaN weight", "tensor '0.weight' holds NaN at [0, 1]")]
    [InlineData("infinite bias", "tensor '0.bias' holds +infinity at [0]")]
    [InlineData("duplicate tensor", "the header names '0.weight' twice")]
    [InlineData("metadata not strings", "__metadata__ 'epoch' is a Number, not a string")]
    [InlineData("unknown format version", "unknown checkpoint format version '2' (this NeuronSim reads version 1)")]
    [InlineData("missing tensor", "missing tensor '0.bias' (the metadata says bias true)")]
    [InlineData("missing layer", "missing tensor '2.weight' (the metadata's layer sizes 2-3-1 need it)")]
    [InlineData("shape contradicts metadata", "the tensors' shapes make a 2-1 network but the metadata says 2-2")]
    [InlineData("mixed biases", "missing tensor '2.bias' (NeuronSim's layers have biases all or none, and '0.bias' is there)")]
    [InlineData("weight not 2-D", "tensor '0.weight' has shape [2]: a Linear weight is [out, in]")]
    [InlineData("layers that do not chain", "tensor '2.weight' has shape [1, 4] but the layer before it has 3 units")]
    [InlineData("unexpected tensor", "unexpected tensor '1.running_mean'")]
    [InlineData("no weights", "holds no Linear weights")]
    [InlineData("odd module with metadata", "unexpected tensor '1.weight' (the metadata's layer sizes are 2-1)")]
    [InlineData("unknown activation", "metadata 'activations' has unknown activation 'swish' (expected sigmoid, tanh, relu, leaky-relu or identity)")]
    [InlineData("epoch not a number", "metadata 'epoch' is 'ten', not a whole number")]
    [InlineData("bias not true or false", "metadata 'bias' is 'yes', not true or false")]
    public void A_bad_file_is_refused_with_the_file_and_the_reason(string kind, string reason)
    {
        var file = Write(Bad(kind));
        var error = Assert.Throws<CheckpointException>(() => NetworkCheckpoint.Load(file));
        AssertOneLine(file, reason, error);
    }

    [Fact]
    public void A_directory_an_empty_file_and_a_missing_file_are_refused()
    {
        AssertOneLine(_dir, "is a directory", Assert.Throws<CheckpointException>(() => NetworkCheckpoint.Load(_dir)));
        var empty = Write([]);
        AssertOneLine(empty, "is empty (0 bytes)", Assert.Throws<CheckpointException>(() => NetworkCheckpoint.Load(empty)));
        var missing = Path.Combine(_dir, "nothing.safetensors");
        AssertOneLine(missing, "no such file", Assert.Throws<CheckpointException>(() => NetworkCheckpoint.Load(missing)));
    }

    [Fact]
    public void A_FIFO_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_dir, "pipe.safetensors");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));

        var load = Task.Run(() => NetworkCheckpoint.Load(fifo));
        Assert.True(Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))).Result == load, "reading a FIFO must not wait for a writer");
        var error = Assert.IsType<CheckpointException>(load.Exception!.InnerException);
        AssertOneLine(fifo, "not a regular file", error);
    }

    [Fact]
    public void Every_truncation_and_every_corrupted_byte_of_a_real_checkpoint_is_a_CheckpointException_or_loads()
    {
        using var simulation = NetworkFactory.Create([3], seed: 6);
        var file = Path.Combine(_dir, "real.safetensors");
        NetworkCheckpoint.Capture(simulation).Save(file);
        var valid = File.ReadAllBytes(file);
        var outcomes = new Dictionary<string, int>();
        void Attempt(byte[] bytes)
        {
            try
            {
                NetworkCheckpoint.FromTensors(SafeTensorsReader.Decode(bytes, "corrupt"), "corrupt");
                outcomes["loads"] = outcomes.GetValueOrDefault("loads") + 1;
            }
            catch (CheckpointException error)
            {
                Assert.StartsWith("corrupt: ", error.Message);
                Assert.DoesNotContain('\n', error.Message);
                outcomes["refused"] = outcomes.GetValueOrDefault("refused") + 1;
            }
        }

        for (var length = 0; length < valid.Length; length++) Attempt(valid[..length]);
        foreach (var value in new byte[] { 0x00, 0xFF, (byte)'"', (byte)'9', (byte)'}', (byte)'-' })
        {
            for (var at = 0; at < valid.Length; at++)
            {
                var corrupted = valid.ToArray();
                corrupted[at] = value;
                Attempt(corrupted);
            }
        }
        Assert.True(outcomes["refused"] > valid.Length, $"{outcomes["refused"]} refused");
    }

    [Theory]
    [InlineData("three inputs", 3)]
    [InlineData("hidden activations differ", 2)]
    public void Layouts_the_engine_can_build_load(string kind, int inputs)
    {
        // Three inputs (input features) and a different activation per hidden layer are networks NeuronSim builds.
        var checkpoint = NetworkCheckpoint.Load(Write(Bad(kind)));
        var spec = checkpoint.ToSpec(features: InputFeatures.Parse(inputs == 3 ? "x0,x1,x0sq" : "x0,x1"));
        Assert.Equal(inputs, spec.Inputs);
        spec.Validate();
    }

    private static void AssertOneLine(string file, string reason, CheckpointException error)
    {
        Assert.StartsWith($"{file}: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(file, error.File);
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, $"bad-{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string NeuronSimMetadata(string sizes = "2,1", string bias = "true", string version = "1", string activations = "sigmoid", string epoch = "0") =>
        $$"""
        "__metadata__":{"format_version":"{{version}}","neuronsim_version":"test","layer_sizes":"{{sizes}}","activations":"{{activations}}","bias":"{{bias}}","seed":"1","data":"xor","epoch":"{{epoch}}"}
        """;

    private static string Tensor(string name, string shape, int begin, int end, string dtype = "F64") =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";

    private static byte[] WithHeaderLength(ulong length)
    {
        var bytes = CheckpointFiles.Raw($"{{{Weight},{Bias}}}", Data);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, length);
        return bytes;
    }

    private static byte[] WithByte(byte[] bytes, int at, byte value)
    {
        bytes[at] = value;
        return bytes;
    }

    private static byte[] Bad(string kind) => kind switch
    {
        "truncated" => CheckpointFiles.Raw($"{{{Weight},{Bias}}}", Data)[..5],
        "truncated data" => CheckpointFiles.Raw($"{{{Weight},{Bias}}}", Data)[..^8],
        "header length past the end" => WithHeaderLength(4096),
        "absurd header length" => WithHeaderLength(1UL << 40),
        "header not JSON" => CheckpointFiles.Raw("{\"0.weight\": nope}", Data),
        "header cut short" => CheckpointFiles.Raw("{\"0.weight\":{\"dtype\":", Data),
        "header not UTF-8" => WithByte(CheckpointFiles.Raw($"{{{Weight},{Bias}}}", Data), 10, 0xFF),
        "header not an object" => CheckpointFiles.Raw("[1, 2]", Data),
        "unsupported dtype" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[1,2]", 0, 4, "BF16")}}}", new byte[4]),
        "shape and offsets inconsistent" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[2,2]", 0, 16)},{Bias}}}", Data),
        "overlapping offsets" => CheckpointFiles.Raw($"{{{Weight},{Tensor("0.bias", "[1]", 8, 16)}}}", Data[..16]),
        "gap" => CheckpointFiles.Raw($"{{{Weight},{Tensor("0.bias", "[1]", 24, 32)}}}", [.. Data, .. new byte[8]]),
        "bytes after the last tensor" => CheckpointFiles.Raw($"{{{Weight},{Bias}}}", [.. Data, .. new byte[8]]),
        "offsets past the end" => CheckpointFiles.Raw($"{{{Weight},{Tensor("0.bias", "[1]", 100, 108)}}}", Data),
        "negative offset" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[1,2]", -8, 8)}}}", Data[..16]),
        "offsets backwards" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[0]", 16, 8)}}}", Data),
        "NaN weight" => CheckpointFiles.Raw($"{{{Weight},{Bias}}}", CheckpointFiles.Doubles(1, double.NaN, 0)),
        "infinite bias" => CheckpointFiles.Raw($"{{{Weight},{Bias}}}", CheckpointFiles.Doubles(1, 2, double.PositiveInfinity)),
        "duplicate tensor" => CheckpointFiles.Raw($"{{{Weight},{Weight},{Bias}}}", Data),
        "metadata not strings" => CheckpointFiles.Raw($"{{\"__metadata__\":{{\"epoch\":3}},{Weight},{Bias}}}", Data),
        "unknown format version" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(version: "2")},{Weight},{Bias}}}", Data),
        "missing tensor" => CheckpointFiles.Raw($"{{{NeuronSimMetadata()},{Weight}}}", Data[..16]),
        "missing layer" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(sizes: "2,3,1", activations: "sigmoid,sigmoid")},{Weight},{Bias}}}", Data),
        "shape contradicts metadata" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(sizes: "2,2")},{Weight},{Bias}}}", Data),
        "mixed biases" => CheckpointFiles.Raw(
            $"{{{Tensor("0.weight", "[1,2]", 0, 16)},{Tensor("0.bias", "[1]", 16, 24)},{Tensor("2.weight", "[1,1]", 24, 32)}}}", [.. Data, .. new byte[8]]),
        "three inputs" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[1,3]", 0, 24)}}}", Data),
        "weight not 2-D" => CheckpointFiles.Raw($"{{{Tensor("0.weight", "[2]", 0, 16)},{Bias}}}", Data),
        "layers that do not chain" => CheckpointFiles.Raw(
            $"{{{Tensor("0.weight", "[3,2]", 0, 48)},{Tensor("2.weight", "[1,4]", 48, 80)}}}", new byte[80]),
        "unexpected tensor" => CheckpointFiles.Raw($"{{{Weight},{Bias},{Tensor("1.running_mean", "[1]", 24, 32)}}}", [.. Data, .. new byte[8]]),
        "odd module with metadata" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(bias: "false")},{Weight},{Tensor("1.weight", "[1,1]", 16, 24)}}}", Data),
        "unknown activation" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(activations: "swish")},{Weight},{Bias}}}", Data),
        "epoch not a number" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(epoch: "ten")},{Weight},{Bias}}}", Data),
        "bias not true or false" => CheckpointFiles.Raw($"{{{NeuronSimMetadata(bias: "yes")},{Weight},{Bias}}}", Data),
        "hidden activations differ" => CheckpointFiles.Raw(
            $"{{{NeuronSimMetadata(sizes: "2,1,1,1", bias: "false", activations: "sigmoid,tanh,sigmoid")},{Weight},{Tensor("2.weight", "[1,1]", 16, 24)},{Tensor("4.weight", "[1,1]", 24, 32)}}}",
            [.. Data, .. new byte[8]]),
        "no weights" => CheckpointFiles.Raw("{\"__metadata__\":{\"format\":\"pt\"}}", []),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
