using System.Text.RegularExpressions;

namespace NeuronSim.Cli.Tests;

/// <summary>What every command line must end in, whatever it is: a documented exit code, no crash, a failure on one line.</summary>
public static partial class CliOutcome
{
    /// <summary>How long a cancelled run may take to return (a hang guard, not a speed measurement).</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="args"/> in-process, cancelled after <paramref name="budget"/>, and checks the outcome; returns it.</summary>
    public static InProcessResult AssertClean(IReadOnlyList<string> args, TimeSpan budget)
    {
        var result = CliRunner.RunInProcess(args, budget);
        var text = result.Stdout + result.Stderr;
        Assert.DoesNotContain("Unhandled exception", text);
        Assert.DoesNotMatch(StackFrame(), text);
        Assert.True(result.ExitCode is 0 or 1 or 2 || (result.ExitCode == 130 && result.AfterCancel is not null),
            $"exit {result.ExitCode}\n{result.Stderr}");
        if (result.AfterCancel is { } after) Assert.True(after < StopBound, $"ran on {after} after it was cancelled");
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        switch (result.ExitCode)
        {
            case 0:
                Assert.Empty(errors);
                break;
            case 1 or 2:
                Assert.True(errors is [var line] && line.StartsWith("error: ", StringComparison.Ordinal), $"stderr: {result.Stderr}");
                break;
        }
        return result;
    }

    [GeneratedRegex(@"(?m)^\s+at [\w.`<>]+\.[\w<>`]+\(")]
    private static partial Regex StackFrame();
}
