using System.Diagnostics;
using System.Globalization;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using Spectre.Console;

namespace NeuronSim.Commands;

/// <summary>
/// Trains a simulation to its end without a window and prints what the lab prints: the loss
/// every N epochs, "Converge in N epoch!", then test loss, test accuracy and the predictions (at
/// most <see cref="PredictionsShown"/> of them). A progress bar on a terminal, plain lines when the
/// output is redirected. After Ctrl+C it prints what is cheap and says what it skipped.
/// </summary>
public static class HeadlessTraining
{
    /// <summary>The most predictions printed (all of the lab's 21 XOR points); the rest are counted ("... and 9,999,975 more").</summary>
    public const int PredictionsShown = 25;

    /// <summary>
    /// After an interruption the test loss and accuracy (one forward pass over every point) are skipped
    /// when that pass would take more than about this many multiply-adds (a few tenths of a second).
    /// </summary>
    public const long CheapForwardPass = 200_000_000;

    /// <summary>Columns of a live line besides the description: bar (40), percentage, remaining time and the gaps.</summary>
    private const int BarColumns = 60;

    private static readonly TimeSpan BarRefresh = TimeSpan.FromMilliseconds(100);

    /// <summary>Trains <paramref name="simulation"/> until it stops or is cancelled, printing to the console; returns the exit code.</summary>
    public static int Run(TrainingSimulation simulation, int logEvery, CancellationToken cancellationToken, Action<TrainingSimulation>? afterEpoch = null) =>
        Run(simulation, logEvery, cancellationToken, Console.Out, Terminal.Interactive ? AnsiConsole.Console : null, afterEpoch);

    /// <summary>
    /// Trains <paramref name="simulation"/> until it stops or is cancelled; returns the exit code. The report goes to
    /// <paramref name="output"/>; with a <paramref name="live"/> console the log lines and a progress bar go there.
    /// </summary>
    public static int Run(TrainingSimulation simulation, int logEvery, CancellationToken cancellationToken, TextWriter output, IAnsiConsole? live,
        Action<TrainingSimulation>? afterEpoch = null)
    {
        var options = simulation.Options;
        var held = simulation.Test is { } test ? $", {Numbers.Count(test.Count)} more held out for testing" : "";
        output.WriteLine($"Training {simulation.Spec} on {simulation.Data.Name} ({Numbers.Count(simulation.Data.Count)} points{held}), {options}, "
            + $"until loss < {Format(options.TargetLoss)} or {options.MaxEpochs} epochs"
            + (simulation.Epoch > 0 ? $", continuing from epoch {simulation.Epoch}" : ""));
        if (live is null)
        {
            Train(simulation, logEvery, output.WriteLine, cancellationToken, afterEpoch);
        }
        else
        {
            live.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask(Describe(simulation, live), maxValue: options.MaxEpochs);
                    // Inside a live progress display, lines go through the console so they print above the bar.
                    Train(simulation, logEvery, live.WriteLine, cancellationToken, afterEpoch, () =>
                    {
                        task.Value = simulation.Epoch;
                        task.Description = Describe(simulation, live);
                    });
                    // The bar stays where training stopped: full only when it converged or used every epoch.
                    task.Value = simulation.Status is TrainingStatus.Converged or TrainingStatus.MaxEpochsReached ? task.MaxValue : simulation.Epoch;
                    task.Description = Describe(simulation, live);
                    task.StopTask();
                });
        }
        return Report(simulation, output, cancellationToken.IsCancellationRequested);
    }

    private static void Train(TrainingSimulation simulation, int logEvery, Action<string> log, CancellationToken cancel,
        Action<TrainingSimulation>? afterEpoch, Action? refresh = null)
    {
        var clock = Stopwatch.StartNew();
        var next = BarRefresh;
        simulation.Step(int.MaxValue, cancel, _ =>
        {
            if (logEvery > 0 && simulation.Epoch % logEvery == 0 && simulation.Status != TrainingStatus.Diverged)
            {
                log(LogLine(simulation));
            }
            afterEpoch?.Invoke(simulation);
            if (refresh is not null && clock.Elapsed >= next)
            {
                refresh();
                next = clock.Elapsed + BarRefresh;
            }
        });
    }

    /// <summary>The live line's description: "epoch 1200  loss 0.2489" or how training ended, fitted to the terminal.</summary>
    private static string Describe(TrainingSimulation simulation, IAnsiConsole console)
    {
        var state = simulation.Status switch
        {
            TrainingStatus.Converged => "converged",
            TrainingStatus.Diverged => "diverged",
            TrainingStatus.MaxEpochsReached => "epoch limit",
            _ => "epoch",
        };
        var text = $"{state} {Numbers.Count(simulation.Epoch)}  loss {Numbers.Compact(simulation.Loss)}";
        return Markup.Escape(Terminal.Fit(text, Terminal.Room(console, BarColumns)));
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
        output.WriteLine(LogLine(simulation));
        output.WriteLine();
        if (interrupted && ForwardPassCost(simulation) > CheapForwardPass)
        {
            Console.Error.WriteLine($"interrupted: skipped the test loss and accuracy (a pass over {Numbers.Count(simulation.Data.Count)} points takes as long as an epoch)");
        }
        else if (simulation.Test is { } test)
        {
            var (trainLoss, trainAccuracy) = simulation.Evaluate();
            var (testLoss, testAccuracy) = simulation.Measure(test);
            output.WriteLine($"Train loss:     {Format(trainLoss)}");
            output.WriteLine($"Train accuracy: {Numbers.Percent(trainAccuracy)}");
            output.WriteLine($"Test loss:      {Format(testLoss)}");
            output.WriteLine($"Test accuracy:  {Numbers.Percent(testAccuracy)}   ({Numbers.Count(test.Count)} held-out points)");
        }
        else
        {
            var (loss, accuracy) = simulation.Evaluate();
            output.WriteLine($"Test loss:      {Format(loss)}");
            output.WriteLine($"Test accuracy:  {Numbers.Percent(accuracy)}   (the test set is the training set: --test-ratio 0, the lab's way)");
        }
        WritePredictions(simulation, output);
        return interrupted ? CliErrors.Interrupted : CliErrors.Success;
    }

    /// <summary>The lab's "prediction:" list for the first <see cref="PredictionsShown"/> points, then how many more there are.</summary>
    private static void WritePredictions(TrainingSimulation simulation, TextWriter output)
    {
        var data = simulation.Test ?? simulation.Data;
        var shown = Math.Min(PredictionsShown, data.Count);
        var predictions = new double[shown];
        simulation.Predict(data.X0.AsSpan(0, shown), data.X1.AsSpan(0, shown), predictions);
        output.WriteLine("prediction:");
        for (var k = 0; k < shown; k++)
        {
            output.WriteLine($"[{predictions[k].ToString("0.00000000e+00", CultureInfo.InvariantCulture)}]  label {data.Labels[k]}");
        }
        if (data.Count > shown) output.WriteLine($"... and {Numbers.Count(data.Count - shown)} more");
    }

    /// <summary>Multiply-adds of one forward pass over every training point.</summary>
    private static long ForwardPassCost(TrainingSimulation simulation)
    {
        var sizes = simulation.Spec.LayerSizes;
        long perPoint = 0;
        for (var layer = 1; layer < sizes.Length; layer++) perPoint += (long)sizes[layer - 1] * sizes[layer];
        return perPoint * simulation.Data.Count;
    }

    /// <summary>The lab's log line: "epoch: 1000    loss: 0.014642580065354419".</summary>
    public static string LogLine(int epoch, double loss) => $"epoch: {epoch}    loss: {Format(loss)}";

    /// <summary>The lab's log line for the simulation as it stands; with regularization the penalty follows, apart from the data loss.</summary>
    public static string LogLine(TrainingSimulation simulation) => LogLine(simulation.Epoch, simulation.Loss)
        + (simulation.Options.Regularized ? $"    penalty: {Format(simulation.Context.Penalty)}" : "");

    private static string Format(double value) => Numbers.RoundTrip(value);
}
