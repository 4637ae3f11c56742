using System.Globalization;
using NeuronSim.Network.Training;
using Spectre.Console;

namespace NeuronSim.Commands;

/// <summary>
/// Trains a simulation to its end without a window and prints what the lab prints: the loss
/// every N epochs, "Converge in N epoch!", then test loss, test accuracy and every prediction.
/// A progress bar on a terminal, plain lines when the output is redirected.
/// </summary>
public static class HeadlessTraining
{
    /// <summary>Trains <paramref name="simulation"/> until it stops or is cancelled; returns the exit code.</summary>
    public static int Run(TrainingSimulation simulation, int logEvery, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var options = simulation.Options;
        output.WriteLine($"Training {simulation.Spec} on {simulation.Data.Name} ({simulation.Data.Count} points), lr {Format(options.LearningRate)}, "
            + $"until loss < {Format(options.TargetLoss)} or {options.MaxEpochs} epochs");
        if (!Terminal.Interactive)
        {
            Train(simulation, logEvery, output.WriteLine, cancellationToken);
        }
        else
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("training", maxValue: options.MaxEpochs);
                    // Inside a live progress display, lines go through AnsiConsole so they print above the bar.
                    Train(simulation, logEvery, line => AnsiConsole.WriteLine(line), cancellationToken, () =>
                    {
                        task.Value = simulation.Epoch;
                        task.Description = $"loss {simulation.Loss:0.000000}";
                    });
                    task.Value = task.MaxValue;
                });
        }
        return Report(simulation, output, cancellationToken.IsCancellationRequested);
    }

    private static void Train(TrainingSimulation simulation, int logEvery, Action<string> log, CancellationToken cancel, Action? onChunk = null)
    {
        while (simulation.Status == TrainingStatus.Running && !cancel.IsCancellationRequested)
        {
            var status = simulation.Step();
            if (logEvery > 0 && simulation.Epoch % logEvery == 0 && status != TrainingStatus.Diverged)
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
                CliErrors.ReportDivergence(simulation.Loss, simulation.Epoch, "try a smaller --lr");
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
