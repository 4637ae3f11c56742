using NeuronSim.Network.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim train</c>.</summary>
public sealed class TrainSettings : NetworkSettings
{
    /// <summary>Loss log interval.</summary>
    [CommandOption("--log-every <N>")]
    [System.ComponentModel.Description("Print the loss every N epochs (0: never). Default: 100.")]
    [System.ComponentModel.DefaultValue(100)]
    public int LogEvery { get; init; } = 100;

    /// <summary>Where to save the network.</summary>
    [CommandOption("--save <FILE>")]
    [System.ComponentModel.Description("Save the run to FILE (safetensors, loadable by PyTorch and by --load) when training ends, written atomically.")]
    public string? Save { get; init; }

    /// <summary>Save interval.</summary>
    [CommandOption("--save-every <N>")]
    [System.ComponentModel.Description("With --save, also save every N epochs (0: only at the end). Default: 0.")]
    [System.ComponentModel.DefaultValue(0)]
    public int SaveEvery { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (LogEvery < 0) return ValidationResult.Error($"--log-every must be 0 or more, got {LogEvery}");
        if (SaveEvery < 0) return ValidationResult.Error($"--save-every must be 0 or more, got {SaveEvery}");
        if (SaveEvery > 0 && Save is null) return ValidationResult.Error("--save-every needs --save FILE");
        if (Save is "") return ValidationResult.Error("--save: expected a file name, got ''");
        return base.Validate();
    }
}

/// <summary><c>neuronsim train</c>: headless training that prints what the lab prints.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        // A continued run is saved with the data it goes on with (the loaded file's), not the command line's defaults.
        NetworkSettings data = settings;
        using var simulation = settings.Load is { } load
            ? CheckpointLoading.Continue(load, settings, context.Arguments, out data)
            : Create(settings);
        Action<TrainingSimulation>? saveEvery = settings is { Save: { } every, SaveEvery: > 0 }
            ? s => { if (s.Epoch % settings.SaveEvery == 0) CheckpointLoading.Save(s, data, every); }
            : null;
        var code = HeadlessTraining.Run(simulation, settings.LogEvery, cancellationToken, saveEvery);
        if (settings.Save is { } path && code != CliErrors.Failed)
        {
            CheckpointLoading.Save(simulation, data, path);
            Console.WriteLine($"Saved epoch {simulation.Epoch} to {path}");
        }
        return code;
    }

    /// <summary>A new simulation for the network, data and training options of <paramref name="settings"/>.</summary>
    internal static TrainingSimulation Create(NetworkSettings settings)
    {
        var split = settings.ToSplit();
        return new TrainingSimulation(settings.ToSpec(), split.Train, settings.ToOptions(), split.TestIsTraining ? null : split.Test);
    }
}
