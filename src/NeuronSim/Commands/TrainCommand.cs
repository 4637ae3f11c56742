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

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        LogEvery < 0 ? ValidationResult.Error($"--log-every must be 0 or more, got {LogEvery}") : base.Validate();
}

/// <summary><c>neuronsim train</c>: headless training that prints what the lab prints.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var split = settings.ToSplit();
        using var simulation = new TrainingSimulation(settings.ToSpec(), split.Train, settings.ToOptions(), split.TestIsTraining ? null : split.Test);
        return HeadlessTraining.Run(simulation, settings.LogEvery, cancellationToken);
    }
}
