namespace NeuronSim.Experiments.Presets;

/// <summary>
/// An experiment: a named list of settings, each trained on every chosen data set
/// (the lab's presets live in content/experiments/*.json).
/// </summary>
public sealed record ExperimentPreset
{
    /// <summary>The longest name: it is part of file names.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The most settings one experiment may list.</summary>
    public const int MaxSettings = 1000;

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

    /// <summary>Whether <paramref name="name"/> can name an experiment (and its files): 1 to 64 letters, digits, '-', '_' or '+', not starting with '-'.</summary>
    public static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name[0] != '-' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+');

    /// <summary>What is wrong with this experiment (the first problem, naming the field), or null when it can run.</summary>
    public string? Problem()
    {
        if (!IsSafeName(Name)) return $"name: must be 1 to {MaxNameLength} letters, digits, '-', '_' or '+', got '{Shorten(Name)}'";
        if (Title is null || Title.Length > MaxTitleLength) return $"title: must be a string of at most {MaxTitleLength} characters";
        if (Section is null || Section.Length > MaxNameLength) return $"section: must be a string of at most {MaxNameLength} characters";
        if (Description is null || Description.Length > MaxDescriptionLength) return $"description: must be a string of at most {MaxDescriptionLength} characters";
        if (Settings is null || Settings.Count == 0) return "settings: the list is empty: give at least one setting";
        if (Settings.Count > MaxSettings) return $"settings: at most {MaxSettings} settings, got {Settings.Count}";
        for (var i = 0; i < Settings.Count; i++)
        {
            if (Settings[i] is null) return $"settings[{i}]: must be an object";
            if (Settings[i].Problem() is { } problem) return $"settings[{i}].{problem}";
        }
        var duplicate = Settings.GroupBy(s => s.Label).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"settings: two settings have the label '{duplicate.Key}'";
    }

    /// <summary>The first 40 characters of <paramref name="text"/> (with "..." when cut), for error messages.</summary>
    public static string Shorten(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";
}
