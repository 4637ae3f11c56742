namespace NeuronSim.Experiments.Presets;

/// <summary>
/// An experiment: a named list of settings, each trained on every chosen data set
/// (the lab's presets live in content/experiments/*.json).
/// </summary>
public sealed record ExperimentPreset
{
    /// <summary>Short name used on the command line and in file names, e.g. "lr".</summary>
    public required string Name { get; init; }

    /// <summary>Heading of the experiment in the report, e.g. "Different learning rates".</summary>
    public required string Title { get; init; }

    /// <summary>The lab report's section, e.g. "4.1" (empty for a user's own preset).</summary>
    public string Section { get; init; } = "";

    /// <summary>One or two sentences on what the experiment shows.</summary>
    public string Description { get; init; } = "";

    /// <summary>The settings, in the order the figures and tables list them.</summary>
    public required IReadOnlyList<ExperimentSetting> Settings { get; init; }
}
