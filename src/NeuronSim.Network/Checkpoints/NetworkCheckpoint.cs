using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// A network's weights, biases and shape, with what NeuronSim knows about the run, kept in a
/// safetensors file laid out as the <c>state_dict</c> of a PyTorch <c>nn.Sequential</c> of Linear
/// and activation modules (see <see cref="StateDictLayout"/>), float64. <see cref="Capture"/> takes
/// one from a running simulation, <see cref="ApplyTo"/> puts it into a freshly built network of the
/// same shape, <see cref="Save"/> and <see cref="Load"/> write and read the file.
/// </summary>
public sealed class NetworkCheckpoint
{
    /// <summary>A checkpoint of a network with <paramref name="layerSizes"/> units per layer (input first).</summary>
    /// <param name="layerSizes">Units per layer, input first: 2, 4, 4, 1.</param>
    /// <param name="activations">The activation of every layer after the input, or null when not known (a file without NeuronSim metadata).</param>
    /// <param name="useBias">Whether the layers have biases.</param>
    /// <param name="weights">Per layer after the input, its weights row-major [out, in]: w_ji at j * in + i.</param>
    /// <param name="biases">Per layer after the input, its biases [out] (empty arrays without bias).</param>
    /// <param name="metadata">What NeuronSim records about the run, or null for a file NeuronSim did not write.</param>
    /// <param name="optimizerState">Optimizer-state tensors ("optimizer.*"), kept as they are.</param>
    /// <exception cref="ArgumentException">The arrays do not fit the layer sizes.</exception>
    public NetworkCheckpoint(
        IReadOnlyList<int> layerSizes, IReadOnlyList<Activation>? activations, bool useBias,
        IReadOnlyList<double[]> weights, IReadOnlyList<double[]> biases,
        CheckpointMetadata? metadata = null, IReadOnlyList<NamedTensor>? optimizerState = null)
    {
        var layers = layerSizes.Count - 1;
        if (layers < 1) throw new ArgumentException("a network needs an input and an output layer");
        if (activations is not null && activations.Count != layers) throw new ArgumentException($"{activations.Count} activations for {layers} layers");
        if (weights.Count != layers || biases.Count != layers) throw new ArgumentException($"{weights.Count} weight and {biases.Count} bias arrays for {layers} layers");
        for (var l = 1; l <= layers; l++)
        {
            if (weights[l - 1].Length != layerSizes[l] * layerSizes[l - 1]) throw new ArgumentException($"layer {l} needs {layerSizes[l] * layerSizes[l - 1]} weights, got {weights[l - 1].Length}");
            if (biases[l - 1].Length != (useBias ? layerSizes[l] : 0)) throw new ArgumentException($"layer {l} needs {(useBias ? layerSizes[l] : 0)} biases, got {biases[l - 1].Length}");
        }
        LayerSizes = layerSizes.ToArray();
        Activations = activations?.ToArray();
        UseBias = useBias;
        Weights = weights;
        Biases = biases;
        Metadata = metadata;
        OptimizerState = optimizerState ?? [];
    }

    /// <summary>Units per layer, input first.</summary>
    public IReadOnlyList<int> LayerSizes { get; }

    /// <summary>The activation of every layer after the input; null when the file does not say (PyTorch's files).</summary>
    public IReadOnlyList<Activation>? Activations { get; }

    /// <summary>Whether the layers have biases.</summary>
    public bool UseBias { get; }

    /// <summary>Per layer after the input, its weights row-major [out, in] (w_ji at j * in + i).</summary>
    public IReadOnlyList<double[]> Weights { get; }

    /// <summary>Per layer after the input, its biases (empty arrays without bias).</summary>
    public IReadOnlyList<double[]> Biases { get; }

    /// <summary>What NeuronSim recorded about the run; null for a file NeuronSim did not write.</summary>
    public CheckpointMetadata? Metadata { get; }

    /// <summary>Optimizer-state tensors ("optimizer.0.weight.exp_avg", ...), kept as they are; empty for plain SGD.</summary>
    public IReadOnlyList<NamedTensor> OptimizerState { get; }

    /// <summary>Epochs trained when the checkpoint was taken (0 for a file NeuronSim did not write).</summary>
    public int Epoch => Metadata?.Epoch ?? 0;

    /// <summary>
    /// The network of <paramref name="simulation"/> as it is now: its shape and every Weight and
    /// Bias component, with the seed, data set, epoch, loss (mse), optimizer (sgd) and learning rate.
    /// </summary>
    public static NetworkCheckpoint Capture(TrainingSimulation simulation)
    {
        var spec = simulation.Spec;
        var sizes = spec.LayerSizes;
        var (weights, biases) = NetworkParameters.Read(simulation.Topology);
        var metadata = new CheckpointMetadata
        {
            Seed = spec.Seed,
            DataSet = simulation.Data.Name,
            Epoch = simulation.Epoch,
            Loss = "mse",
            Optimizer = "sgd",
            OptimizerSettings = $"lr={Formatting.Numbers.RoundTrip(simulation.Options.LearningRate)}",
            Features = spec.Features.ToString(),
        };
        var activations = Enumerable.Range(1, sizes.Length - 1).Select(l => spec.ActivationOf(l).Kind).ToArray();
        return new NetworkCheckpoint(sizes, activations, spec.UseBias, weights, biases, metadata);
    }

    /// <summary>The same network with other metadata (for example the optimizer's settings).</summary>
    public NetworkCheckpoint WithMetadata(CheckpointMetadata? metadata) =>
        new(LayerSizes, Activations, UseBias, Weights, Biases, metadata, OptimizerState);

    /// <summary>The same network with other optimizer-state tensors (names start with "optimizer.").</summary>
    /// <exception cref="ArgumentException">A tensor's name lacks the "optimizer." prefix.</exception>
    public NetworkCheckpoint WithOptimizerState(IReadOnlyList<NamedTensor> state)
    {
        var stray = state.FirstOrDefault(t => !t.Name.StartsWith(CheckpointKeys.OptimizerTensorPrefix, StringComparison.Ordinal));
        if (stray is not null) throw new ArgumentException($"optimizer-state tensor '{stray.Name}' must start with '{CheckpointKeys.OptimizerTensorPrefix}'");
        return new(LayerSizes, Activations, UseBias, Weights, Biases, Metadata, state);
    }

    /// <summary>
    /// The spec that builds this network: its layer sizes, bias and activations (or
    /// <paramref name="activation"/> on every layer when the file does not say), its input features
    /// (<paramref name="features"/>, else those the file records, else x0,x1 for two inputs) and its seed.
    /// </summary>
    /// <exception cref="ArgumentException">The features are not known and the network does not have 2 inputs, or their count differs from the inputs.</exception>
    public NetworkSpec ToSpec(Activation activation = Activation.Sigmoid, FeatureSet? features = null)
    {
        features ??= Metadata?.Features is { } names ? InputFeatures.Parse(names)
            : LayerSizes[0] == InputFeatures.Default.Count ? InputFeatures.Default
            : throw new ArgumentException($"the checkpoint's network has {LayerSizes[0]} inputs and does not say which features: give --features");
        if (features.Count != LayerSizes[0]) throw new ArgumentException($"the checkpoint's network has {LayerSizes[0]} inputs, --features names {features.Count}");
        return new NetworkSpec
        {
            Features = features,
            Hidden = LayerSizes.Skip(1).SkipLast(1).ToArray(),
            HiddenActivations = Activations is { Count: > 1 } ? Activations.SkipLast(1).ToArray() : [activation],
            OutputActivation = Activations is { } known ? known[^1] : activation,
            UseBias = UseBias,
            Seed = Metadata?.Seed ?? new NetworkSpec().Seed,
        };
    }

    /// <summary>
    /// How <paramref name="spec"/> differs from this network ("layer sizes 2-4-4-1 in the
    /// checkpoint, 2-8-1 in the network"), or null when it builds the same shape (and the same
    /// activations, when the checkpoint knows them).
    /// </summary>
    public string? ConflictWith(NetworkSpec spec)
    {
        if (!spec.LayerSizes.SequenceEqual(LayerSizes))
        {
            return $"layer sizes {string.Join('-', LayerSizes)} in the checkpoint, {string.Join('-', spec.LayerSizes)} in the network";
        }
        if (spec.UseBias != UseBias) return UseBias ? "biases in the checkpoint, none in the network" : "no biases in the checkpoint, biases in the network";
        if (Activations is null) return null;
        var wanted = Enumerable.Range(1, LayerSizes.Count - 1).Select(l => spec.ActivationOf(l).Kind).ToArray();
        return wanted.SequenceEqual(Activations)
            ? null
            : $"activations {string.Join(',', Activations.Select(StateDictLayout.Name))} in the checkpoint, {string.Join(',', wanted.Select(StateDictLayout.Name))} in the network";
    }

    /// <summary>
    /// Writes these weights and biases into the Weight and Bias components of
    /// <paramref name="simulation"/>'s network and refreshes its neurons' outputs. The epoch count,
    /// histories and optimizer state are left to the caller.
    /// </summary>
    /// <exception cref="ArgumentException">The simulation's network has another shape (<see cref="ConflictWith"/>).</exception>
    public void ApplyTo(TrainingSimulation simulation)
    {
        if (ConflictWith(simulation.Spec) is { } conflict) throw new ArgumentException($"the checkpoint does not fit the network: {conflict}");
        NetworkParameters.Write(simulation.Topology, Weights, Biases);
        simulation.Evaluate();
    }

    /// <summary>The tensors and metadata as they go into the file.</summary>
    public TensorSet ToTensors() => StateDictLayout.ToTensors(this);

    /// <summary>The checkpoint that <paramref name="set"/> holds; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CheckpointException">Missing, unexpected or misshapen tensors, contradicting metadata, an unknown format version, or a network NeuronSim cannot build.</exception>
    public static NetworkCheckpoint FromTensors(TensorSet set, string source) => StateDictLayout.FromTensors(set, source);

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically (a failed save leaves the previous file as it was).</summary>
    /// <exception cref="IOException">The file cannot be written; the message names it.</exception>
    /// <exception cref="ArgumentException">A weight is NaN or infinite.</exception>
    public void Save(string path) => SafeTensorsWriter.Write(path, ToTensors());

    /// <summary>Reads the checkpoint at <paramref name="path"/> (NeuronSim's, or a PyTorch state_dict saved with safetensors).</summary>
    /// <exception cref="CheckpointException">The file is missing or not a checkpoint NeuronSim can build; the message names the file and the reason.</exception>
    public static NetworkCheckpoint Load(string path) => FromTensors(SafeTensorsReader.Read(path), path);

    /// <summary>"2-4-4-1 sigmoid, bias, epoch 500".</summary>
    public override string ToString() =>
        $"{string.Join('-', LayerSizes)} {(Activations is null ? "(activations not recorded)" : string.Join(',', Activations.Distinct().Select(StateDictLayout.Name)))}, "
        + $"{(UseBias ? "bias" : "no bias")}, epoch {Epoch}";
}
