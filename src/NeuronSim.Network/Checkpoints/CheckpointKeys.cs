namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// The <c>__metadata__</c> keys of a NeuronSim checkpoint (all values are strings). A file whose
/// metadata has no <see cref="FormatVersion"/> is not NeuronSim's (for example what PyTorch
/// writes) and is read from its tensors alone.
/// </summary>
public static class CheckpointKeys
{
    /// <summary>The checkpoint format version NeuronSim writes and reads.</summary>
    public const string CurrentFormatVersion = "1";

    /// <summary>"1": the layout of this file (<see cref="CurrentFormatVersion"/>).</summary>
    public const string FormatVersion = "format_version";

    /// <summary>The NeuronSim version that wrote the file.</summary>
    public const string NeuronSimVersion = "neuronsim_version";

    /// <summary>"2,4,4,1": units per layer, input first.</summary>
    public const string LayerSizes = "layer_sizes";

    /// <summary>"sigmoid,sigmoid,sigmoid": the activation of every layer after the input.</summary>
    public const string Activations = "activations";

    /// <summary>"true" or "false": whether the neurons have biases.</summary>
    public const string Bias = "bias";

    /// <summary>The seed of the initial weights.</summary>
    public const string Seed = "seed";

    /// <summary>The data set's name ("xor", "linear").</summary>
    public const string DataSet = "data";

    /// <summary>The seed of the data set (for generated data such as "linear").</summary>
    public const string DataSeed = "data_seed";

    /// <summary>Epochs trained when the file was written.</summary>
    public const string Epoch = "epoch";

    /// <summary>The loss function ("mse").</summary>
    public const string Loss = "loss";

    /// <summary>The optimizer ("sgd").</summary>
    public const string Optimizer = "optimizer";

    /// <summary>The optimizer's settings ("lr=1").</summary>
    public const string OptimizerSettings = "optimizer_settings";

    /// <summary>The input features ("x0,x1").</summary>
    public const string Features = "features";

    /// <summary>The prefix of optimizer-state tensors (e.g. "optimizer.0.weight.exp_avg"), kept as they are.</summary>
    public const string OptimizerTensorPrefix = "optimizer.";
}
