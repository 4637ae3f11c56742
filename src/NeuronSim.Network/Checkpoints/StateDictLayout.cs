using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// Names and shapes the network's tensors as the <c>state_dict</c> of a PyTorch
/// <c>nn.Sequential(Linear, act, Linear, act, ...)</c>: layer l's weights are "{2(l-1)}.weight"
/// [out, in] and its biases "{2(l-1)}.bias" [out] (the index counts the activation modules).
/// Reading checks every tensor against the metadata, or, in a file without NeuronSim metadata,
/// infers the layer sizes from the weights' shapes and the bias from the bias tensors.
/// </summary>
internal static partial class StateDictLayout
{
    /// <summary>The name of layer <paramref name="layer"/>'s weight tensor (1 = first after the input): "0.weight", "2.weight", ...</summary>
    public static string WeightName(int layer) => $"{Module(layer)}.weight";

    /// <summary>The name of layer <paramref name="layer"/>'s bias tensor: "0.bias", "2.bias", ...</summary>
    public static string BiasName(int layer) => $"{Module(layer)}.bias";

    /// <summary>The tensors and metadata of <paramref name="checkpoint"/>, weight then bias, layer by layer, then the optimizer state.</summary>
    public static TensorSet ToTensors(NetworkCheckpoint checkpoint)
    {
        var sizes = checkpoint.LayerSizes;
        var tensors = new List<NamedTensor>();
        for (var l = 1; l < sizes.Count; l++)
        {
            tensors.Add(new NamedTensor(WeightName(l), [sizes[l], sizes[l - 1]], checkpoint.Weights[l - 1]));
            if (checkpoint.UseBias) tensors.Add(new NamedTensor(BiasName(l), [sizes[l]], checkpoint.Biases[l - 1]));
        }
        tensors.AddRange(checkpoint.OptimizerState);
        var metadata = checkpoint.Metadata?.ToEntries() ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if (checkpoint.Metadata is not null)
        {
            metadata[CheckpointKeys.LayerSizes] = string.Join(',', sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            metadata[CheckpointKeys.Bias] = checkpoint.UseBias ? "true" : "false";
            if (checkpoint.Activations is { } activations) metadata[CheckpointKeys.Activations] = string.Join(',', activations.Select(Name));
        }
        return new TensorSet(tensors, metadata);
    }

    /// <summary>The checkpoint held by <paramref name="set"/>; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="CheckpointException">Missing, unexpected or misshapen tensors, metadata that contradicts them, or a network NeuronSim cannot build.</exception>
    public static NetworkCheckpoint FromTensors(TensorSet set, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, reason);

        var metadata = CheckpointMetadata.FromEntries(set.Metadata, source);
        var modules = new SortedDictionary<int, (NamedTensor? Weight, NamedTensor? Bias)>();
        var optimizerState = new List<NamedTensor>();
        foreach (var tensor in set.Tensors)
        {
            if (tensor.Name.StartsWith(CheckpointKeys.OptimizerTensorPrefix, StringComparison.Ordinal)) { optimizerState.Add(tensor); continue; }
            var match = LinearParameter().Match(tensor.Name);
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var module))
            {
                Fail($"unexpected tensor '{tensor.Name}': a checkpoint holds the Linear layers of an nn.Sequential (0.weight, 0.bias, 2.weight, ...)");
            }
            var entry = modules.GetValueOrDefault(module);
            modules[module] = match.Groups[2].Value == "weight" ? entry with { Weight = tensor } : entry with { Bias = tensor };
        }
        if (modules.Count == 0) Fail("holds no Linear weights (0.weight, 2.weight, ...)");
        foreach (var (module, entry) in modules)
        {
            if (entry.Weight is null) Fail($"tensor '{module}.bias' has no '{module}.weight'");
            if (entry.Weight!.Shape.Length != 2) Fail($"tensor '{module}.weight' has shape {NamedTensor.ShapeText(entry.Weight.Shape)}: a Linear weight is [out, in]");
        }

        var layers = modules.Values.Select(m => (Weight: m.Weight!, m.Bias)).ToList();
        var sizes = new List<int> { layers[0].Weight.Shape[1] };
        for (var k = 0; k < layers.Count; k++)
        {
            var shape = layers[k].Weight.Shape;
            if (shape[1] != sizes[^1])
            {
                Fail($"tensor '{layers[k].Weight.Name}' has shape {NamedTensor.ShapeText(shape)} but the layer before it has {sizes[^1]} units");
            }
            sizes.Add(shape[0]);
        }

        var (useBias, activations) = metadata is null
            ? (layers[0].Bias is not null, null)
            : CheckAgainstMetadata(set.Metadata, modules.Keys, sizes, source);
        var rule = metadata is null
            ? $"NeuronSim's layers have biases all or none, and '{ModuleOf(layers[0].Weight)}.bias' is {(useBias ? "there" : "not there")}"
            : $"the metadata says bias {(useBias ? "true" : "false")}";
        for (var k = 0; k < layers.Count; k++)
        {
            var (weight, bias) = layers[k];
            if (useBias && bias is null) Fail($"missing tensor '{ModuleOf(weight)}.bias' ({rule})");
            if (!useBias && bias is not null) Fail($"unexpected tensor '{bias.Name}' ({rule})");
            if (bias is not null && !bias.Shape.SequenceEqual([sizes[k + 1]]))
            {
                Fail($"tensor '{bias.Name}' has shape {NamedTensor.ShapeText(bias.Shape)} but '{weight.Name}' has {sizes[k + 1]} outputs");
            }
        }
        CheckBuildable(sizes, activations, source);
        return new NetworkCheckpoint(sizes, activations, useBias,
            layers.Select(l => l.Weight.Values).ToArray(),
            layers.Select(l => l.Bias?.Values ?? []).ToArray(),
            metadata, optimizerState);
    }

    /// <summary>The activation's name as written in files and typed on the command line.</summary>
    public static string Name(Activation activation) => Activations.NameOf(activation);

    /// <summary>The bias flag and activations the metadata records, after checking that the tensors are the ones its layer sizes need.</summary>
    private static (bool UseBias, IReadOnlyList<Activation>? Activations) CheckAgainstMetadata(
        IReadOnlyDictionary<string, string> metadata, IEnumerable<int> modules, List<int> sizes, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, reason);

        var expected = ParseSizes(metadata, source);
        var useBias = ParseBias(metadata, source);
        var activations = ParseActivations(metadata, expected.Length - 1, source);
        for (var l = 1; l < expected.Length; l++)
        {
            if (!modules.Contains(Module(l))) Fail($"missing tensor '{WeightName(l)}' (the metadata's layer sizes {Join(expected)} need it)");
        }
        var extra = modules.FirstOrDefault(m => m % 2 != 0 || m / 2 + 1 >= expected.Length, -1);
        if (extra >= 0) Fail($"unexpected tensor '{extra}.weight' (the metadata's layer sizes are {Join(expected)})");
        if (!expected.SequenceEqual(sizes)) Fail($"the tensors' shapes make a {Join(sizes)} network but the metadata says {Join(expected)}");
        return (useBias, activations);
    }

    private static void CheckBuildable(List<int> sizes, IReadOnlyList<Activation>? activations, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, $"a {Join(sizes)} network: {reason}");

        if (sizes[0] < 1) Fail("a network needs at least one input");
        if (sizes[^1] != NetworkSpec.Outputs) Fail($"NeuronSim's networks have {NetworkSpec.Outputs} output, not {sizes[^1]}");
        if (sizes.Count - 2 > NetworkSpec.MaxHiddenLayers) Fail($"NeuronSim builds at most {NetworkSpec.MaxHiddenLayers} hidden layers");
        if (sizes.Any(s => s < 1 || s > NetworkSpec.MaxUnits)) Fail($"a layer needs 1 to {NetworkSpec.MaxUnits} units");
    }

    private static int[] ParseSizes(IReadOnlyDictionary<string, string> metadata, string source)
    {
        var text = metadata.GetValueOrDefault(CheckpointKeys.LayerSizes) ?? throw new CheckpointException(source, $"the metadata has no '{CheckpointKeys.LayerSizes}'");
        var parts = text.Split(',');
        var sizes = new int[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            if (!int.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[k]) || parts.Length < 2)
            {
                throw new CheckpointException(source, $"metadata '{CheckpointKeys.LayerSizes}' is '{text}', not whole numbers such as 2,4,4,1");
            }
        }
        return sizes;
    }

    private static bool ParseBias(IReadOnlyDictionary<string, string> metadata, string source) =>
        metadata.GetValueOrDefault(CheckpointKeys.Bias) switch
        {
            "true" => true,
            "false" => false,
            var other => throw new CheckpointException(source, $"metadata '{CheckpointKeys.Bias}' is '{other}', not true or false"),
        };

    private static Activation[] ParseActivations(IReadOnlyDictionary<string, string> metadata, int layers, string source)
    {
        var text = metadata.GetValueOrDefault(CheckpointKeys.Activations) ?? throw new CheckpointException(source, $"the metadata has no '{CheckpointKeys.Activations}'");
        var names = text.Split(',');
        if (names.Length != layers) throw new CheckpointException(source, $"metadata '{CheckpointKeys.Activations}' names {names.Length} activations for {layers} layers");
        return names.Select(name => Activations.TryParse(name, out var activation)
            ? activation
            : throw new CheckpointException(source, $"metadata '{CheckpointKeys.Activations}' has unknown activation '{name}' (expected {Activations.Expected})")).ToArray();
    }

    private static int Module(int layer) => 2 * (layer - 1);

    private static string ModuleOf(NamedTensor tensor) => tensor.Name[..tensor.Name.IndexOf('.')];

    private static string Join(IEnumerable<int> sizes) => string.Join('-', sizes);

    [GeneratedRegex(@"^(\d{1,9})\.(weight|bias)$")]
    private static partial Regex LinearParameter();
}
