using System.ComponentModel;
using System.Globalization;
using NeuronSim.Experiments.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim experiment</c>.</summary>
public sealed class ExperimentSettings : CommandSettings
{
    /// <summary>The lab's experiments, in report order.</summary>
    public static readonly string[] LabExperiments = ["baseline", "lr", "hidden", "no-activation"];

    /// <summary>Every built-in experiment, in report order: the lab's, then the optimizers and batch sizes beyond it (what "all" runs).</summary>
    public static readonly string[] AllExperiments = [.. LabExperiments, "optimizers", "batch", "datasets"];

    /// <summary>Which experiment.</summary>
    [CommandArgument(0, "[NAME]")]
    [Description("baseline (section 3), lr (4.1), hidden (4.2), no-activation (4.3), optimizers (SGD, momentum, RMSprop, Adam), batch (full, 32, 8, 1), datasets (every built-in data set) or all. Not needed with --preset or --resume.")]
    public string? Name { get; init; }

    /// <summary>Data sets.</summary>
    [CommandOption("--data <NAME>")]
    [Description("Data sets the settings run on: a built-in name (xor, linear, circle, gauss, spiral, xor-quadrants), a comma list of them, both (xor,linear) or all-sets. A preset setting with its own \"data\" runs only on that set. Default: both.")]
    [DefaultValue("both")]
    public string Data { get; init; } = "both";

    /// <summary>Seeds per setting.</summary>
    [CommandOption("--seeds <K>")]
    [Description("Weight seeds per setting; with K > 1 the tables add the convergence rate and median epochs. Default: 1.")]
    [DefaultValue(1)]
    public int Seeds { get; init; } = 1;

    /// <summary>First seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("The first weight seed (the others follow it). Default: 1.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Epoch cap.</summary>
    [CommandOption("--max-epochs <N>")]
    [Description("Stop a run that has not converged after this many epochs. Default: 100000.")]
    [DefaultValue(100_000)]
    public int MaxEpochs { get; init; } = 100_000;

    /// <summary>Convergence threshold.</summary>
    [CommandOption("--target-loss <LOSS>")]
    [Description("A run has converged when its loss (MSE, or the loss its preset names) falls below this. Default: 0.005.")]
    [DefaultValue(0.005)]
    public double TargetLoss { get; init; } = 0.005;

    /// <summary>Output directory.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Output directory. Default: results/<name>-<timestamp>.")]
    public string? Out { get; init; }

    /// <summary>The user's own presets.</summary>
    [CommandOption("--preset <FILE>")]
    [Description("Run the settings of this preset JSON file instead of NAME (repeatable). Format: see content/experiments/*.json.")]
    public string[] Presets { get; init; } = [];

    /// <summary>Directory to resume.</summary>
    [CommandOption("--resume <DIR>")]
    [Description("Finish an interrupted experiment: reuse DIR's plan.json (other options are ignored) and skip the runs already saved in DIR/runs.")]
    public string? Resume { get; init; }

    /// <summary>Parallel runs, as typed (parsed by <see cref="Jobs"/>, so a bad value names the option).</summary>
    [CommandOption("--jobs <N>")]
    [Description("Runs trained at once (at least 1). Default: one per core.")]
    public string? JobsText { get; init; }

    /// <summary>Parallel runs: --jobs, or null for one per core.</summary>
    public int? Jobs => JobsText is null ? null
        : int.TryParse(JobsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs >= 1 ? jobs
        : throw new ArgumentException(JobsError);

    private string JobsError => $"--jobs takes a whole number of at least 1, got '{JobsText}'";

    /// <summary>The data set names of --data, in the order given (catalogue spelling).</summary>
    /// <exception cref="ArgumentException">An unknown or repeated name; the message names --data and lists the accepted names.</exception>
    public string[] DataSets
    {
        get
        {
            var names = new List<string>();
            foreach (var part in Data.Split(','))
            {
                var name = part.Trim().ToLowerInvariant();
                string[] chosen = name switch
                {
                    "both" => ["xor", "linear"],
                    "all-sets" => [.. Network.Data.DataSets.Names],
                    _ => [Network.Data.DataSets.Find(name)?.Name ?? throw new ArgumentException($"--data: unknown data set '{part.Trim()}' (expected {DataChoices})")],
                };
                foreach (var set in chosen)
                {
                    if (names.Contains(set)) throw new ArgumentException($"--data: '{set}' is given twice");
                    names.Add(set);
                }
            }
            return [.. names];
        }
    }

    /// <summary>What --data accepts, for its errors.</summary>
    private static string DataChoices => $"{string.Join(", ", Network.Data.DataSets.Names)}, a comma list of them, both or all-sets";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (JobsText is not null && !(int.TryParse(JobsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs >= 1))
        {
            return ValidationResult.Error(JobsError);
        }
        if (Resume is not null)
        {
            return Presets.Length > 0 ? ValidationResult.Error("--resume takes the settings of the saved plan: leave out --preset") : ValidationResult.Success();
        }
        if (Name is null && Presets.Length == 0) return ValidationResult.Error($"name an experiment ({string.Join(", ", AllExperiments)} or all), or give --preset FILE");
        if (Name is not null && Presets.Length > 0) return ValidationResult.Error("give an experiment NAME or --preset FILE, not both");
        if (Name is not null && Name != "all" && !AllExperiments.Contains(Name))
        {
            return ValidationResult.Error($"unknown experiment '{Name}' (expected {string.Join(", ", AllExperiments)} or all)");
        }
        try
        {
            _ = DataSets;
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }
        if (Seeds < 1 || Seeds > ExperimentPlan.MaxSeeds) return ValidationResult.Error($"--seeds must be from 1 to {ExperimentPlan.MaxSeeds}, got {Seeds}");
        if (MaxEpochs < 1) return ValidationResult.Error($"--max-epochs must be at least 1, got {MaxEpochs}");
        if (!(TargetLoss >= 0)) return ValidationResult.Error($"--target-loss must be zero or positive, got {TargetLoss}");
        return ValidationResult.Success();
    }
}
