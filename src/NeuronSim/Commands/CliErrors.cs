using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Exit codes and the one-line error report shared by every command.</summary>
public static class CliErrors
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but failed (for example the loss diverged, or a file could not be written).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, options or input files.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (the conventional 128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15). Commands return <see cref="Interrupted"/>; <see cref="Interruption.ExitCode"/> picks this one.</summary>
    public const int Terminated = 143;

    /// <summary>Prints "error: the loss became L at epoch N: training diverged (<paramref name="hint"/>)" on one line to standard error.</summary>
    public static void ReportDivergence(double loss, int epoch, string hint) =>
        Console.Error.WriteLine($"error: the loss became {loss.ToString("R", CultureInfo.InvariantCulture)} at epoch {epoch}: training diverged ({hint})");

    /// <summary>Prints "error: ..." on one line to standard error and returns the exit code.</summary>
    public static int Report(Exception exception)
    {
        var (message, code) = exception switch
        {
            OperationCanceledException => ("interrupted", Interrupted),
            CommandParseException or CommandRuntimeException or UsageException => (exception.Message, Usage),
            ArgumentException argument => (argument.Message, Usage),
            Network.Checkpoints.CheckpointException or Network.Data.DataFileException => (exception.Message, Usage),
            IOException or UnauthorizedAccessException => (exception.Message, Failed),
            _ => ($"{exception.GetType().Name}: {exception.Message}", Failed),
        };
        Console.Error.WriteLine($"error: {OneLine(message)}");
        return code;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Bad input from the user: reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
