using System.Globalization;
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
        using var simulation = new TrainingSimulation(settings.ToSpec(), settings.ToData(), settings.ToOptions());
        var output = Console.Out;
        output.WriteLine($"Training {simulation.Spec} on {simulation.Data.Name} ({simulation.Data.Count} points), lr {Format(settings.LearningRate)}, "
            + $"until loss < {Format(settings.TargetLoss)} or {settings.Epochs} epochs");
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            Train(simulation, settings, output.WriteLine, cancellationToken);
        }
        else
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("training", maxValue: settings.Epochs);
                    // Inside a live progress display, lines go through AnsiConsole so they print above the bar.
                    Train(simulation, settings, line => AnsiConsole.WriteLine(line), cancellationToken, () =>
                    {
                        task.Value = simulation.Epoch;
                        task.Description = $"loss {simulation.Loss:0.000000}";
                    });
                    task.Value = task.MaxValue;
                });
        }
        return Report(simulation, output, cancellationToken.IsCancellationRequested);
    }

    private static void Train(TrainingSimulation simulation, TrainSettings settings, Action<string> log, CancellationToken cancel, Action? onChunk = null)
    {
        while (simulation.Status == TrainingStatus.Running && !cancel.IsCancellationRequested)
        {
            var status = simulation.Step();
            if (settings.LogEvery > 0 && simulation.Epoch % settings.LogEvery == 0 && status != TrainingStatus.Diverged)
            {
                log(LogLine(simulation.Epoch, simulation.Loss));
            }
            if (simulation.Epoch % 256 == 0) onChunk?.Invoke();
        }
    }

    private static int Report(TrainingSimulation simulation, TextWriter output, bool interrupted)
    {
        switch (simulation.Status)
        {
            case TrainingStatus.Running when interrupted:
                output.WriteLine($"Interrupted at epoch {simulation.Epoch} (loss {Format(simulation.Loss)})");
                break;
            case TrainingStatus.Diverged:
                Console.Error.WriteLine($"error: the loss became {Format(simulation.Loss)} at epoch {simulation.Epoch}: training diverged (try a smaller --lr)");
                return CliErrors.Failed;
            case TrainingStatus.Converged:
                output.WriteLine($"Converge in {simulation.Epoch} epoch!");
                break;
            default:
                output.WriteLine($"Did not converge in {simulation.Epoch} epochs (loss {Format(simulation.Loss)} >= target {Format(simulation.Options.TargetLoss)})");
                break;
        }
        output.WriteLine(LogLine(simulation.Epoch, simulation.Loss));
        var (loss, accuracy) = simulation.Evaluate();
        var predictions = simulation.PredictTraining();
        output.WriteLine();
        output.WriteLine($"Test loss:      {Format(loss)}");
        output.WriteLine($"Test accuracy:  {(accuracy * 100).ToString("0.0", CultureInfo.InvariantCulture)}%");
        output.WriteLine("prediction:");
        for (var k = 0; k < predictions.Length; k++)
        {
            output.WriteLine($"[{predictions[k].ToString("0.00000000e+00", CultureInfo.InvariantCulture)}]  label {simulation.Data.Labels[k]}");
        }
        return interrupted ? CliErrors.Interrupted : CliErrors.Ok;
    }

    /// <summary>The lab's log line: "epoch: 1000    loss: 0.014642580065354419".</summary>
    public static string LogLine(int epoch, double loss) => $"epoch: {epoch}    loss: {Format(loss)}";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
