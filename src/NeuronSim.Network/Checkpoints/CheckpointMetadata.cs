using System.Globalization;
using System.Reflection;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// What a NeuronSim checkpoint records about the run besides the network's shape: who wrote it,
/// the seeds, the data set, the epoch, and the training settings. Keys NeuronSim does not know are
/// kept in <see cref="Other"/> so they survive a load and a save.
/// </summary>
public sealed record CheckpointMetadata
{
    /// <summary>This build's version (the assembly's informational version).</summary>
    public static string CurrentVersion { get; } =
        typeof(CheckpointMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The NeuronSim version that wrote the file.</summary>
    public string NeuronSimVersion { get; init; } = CurrentVersion;

    /// <summary>The seed of the initial weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The data set's name.</summary>
    public string DataSet { get; init; } = "";

    /// <summary>Epochs trained when the file was written.</summary>
    public int Epoch { get; init; }

    /// <summary>The seed of the data set, when it matters (generated data).</summary>
    public int? DataSeed { get; init; }

    /// <summary>The loss function ("mse"), or null when not recorded.</summary>
    public string? Loss { get; init; }

    /// <summary>The optimizer ("sgd"), or null when not recorded.</summary>
    public string? Optimizer { get; init; }

    /// <summary>The optimizer's settings ("lr=1"), or null when not recorded.</summary>
    public string? OptimizerSettings { get; init; }

    /// <summary>The input features ("x0,x1"), or null when not recorded.</summary>
    public string? Features { get; init; }

    /// <summary>Metadata entries NeuronSim does not interpret, kept as they are.</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();

    /// <summary>The entries this record contributes to a file's <c>__metadata__</c> (format version included).</summary>
    public Dictionary<string, string> ToEntries()
    {
        var entries = new Dictionary<string, string>(Other, StringComparer.Ordinal)
        {
            [CheckpointKeys.FormatVersion] = CheckpointKeys.CurrentFormatVersion,
            [CheckpointKeys.NeuronSimVersion] = NeuronSimVersion,
            [CheckpointKeys.Seed] = Text(Seed),
            [CheckpointKeys.DataSet] = DataSet,
            [CheckpointKeys.Epoch] = Text(Epoch),
        };
        if (DataSeed is { } dataSeed) entries[CheckpointKeys.DataSeed] = Text(dataSeed);
        if (Loss is not null) entries[CheckpointKeys.Loss] = Loss;
        if (Optimizer is not null) entries[CheckpointKeys.Optimizer] = Optimizer;
        if (OptimizerSettings is not null) entries[CheckpointKeys.OptimizerSettings] = OptimizerSettings;
        if (Features is not null) entries[CheckpointKeys.Features] = Features;
        return entries;
    }

    /// <summary>
    /// The record held by a file's metadata, or null when it has no <see cref="CheckpointKeys.FormatVersion"/>
    /// (not NeuronSim's). Structure keys (layer sizes, activations, bias) are left to the caller.
    /// </summary>
    /// <exception cref="CheckpointException">An unknown format version, or a missing or malformed entry.</exception>
    public static CheckpointMetadata? FromEntries(IReadOnlyDictionary<string, string> entries, string source)
    {
        if (!entries.TryGetValue(CheckpointKeys.FormatVersion, out var version)) return null;
        if (version != CheckpointKeys.CurrentFormatVersion)
        {
            throw new CheckpointException(source, $"unknown checkpoint format version '{version}' (this NeuronSim reads version {CheckpointKeys.CurrentFormatVersion})");
        }
        string Required(string key) => entries.TryGetValue(key, out var value)
            ? value
            : throw new CheckpointException(source, $"the metadata has no '{key}'");
        int Whole(string key, string value) => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CheckpointException(source, $"metadata '{key}' is '{value}', not a whole number");

        var epoch = Whole(CheckpointKeys.Epoch, Required(CheckpointKeys.Epoch));
        if (epoch < 0) throw new CheckpointException(source, $"metadata '{CheckpointKeys.Epoch}' is {epoch}, below 0");
        var known = new[]
        {
            CheckpointKeys.FormatVersion, CheckpointKeys.NeuronSimVersion, CheckpointKeys.LayerSizes, CheckpointKeys.Activations,
            CheckpointKeys.Bias, CheckpointKeys.Seed, CheckpointKeys.DataSet, CheckpointKeys.DataSeed, CheckpointKeys.Epoch,
            CheckpointKeys.Loss, CheckpointKeys.Optimizer, CheckpointKeys.OptimizerSettings, CheckpointKeys.Features,
        };
        return new CheckpointMetadata
        {
            NeuronSimVersion = Required(CheckpointKeys.NeuronSimVersion),
            Seed = Whole(CheckpointKeys.Seed, Required(CheckpointKeys.Seed)),
            DataSet = Required(CheckpointKeys.DataSet),
            Epoch = epoch,
            DataSeed = entries.TryGetValue(CheckpointKeys.DataSeed, out var dataSeed) ? Whole(CheckpointKeys.DataSeed, dataSeed) : null,
            Loss = entries.GetValueOrDefault(CheckpointKeys.Loss),
            Optimizer = entries.GetValueOrDefault(CheckpointKeys.Optimizer),
            OptimizerSettings = entries.GetValueOrDefault(CheckpointKeys.OptimizerSettings),
            Features = entries.GetValueOrDefault(CheckpointKeys.Features),
            Other = entries.Where(e => !known.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
