namespace NeuronSim.Cli.Tests;

/// <summary>The shared signal handling (Interruption): every command ends on SIGINT with 130 and on SIGTERM with 143, even one that does not look at its cancellation token.</summary>
public class InterruptionTests
{
    [Fact]
    public void A_command_that_keeps_working_after_sigterm_is_ended_by_the_grace_period_with_143()
    {
        // snapshot trains all its epochs before it looks at anything: the grace period ends it.
        var result = CliRunner.RunAndSignal(["snapshot", "--epochs", "2147483647", "--out", Path.Combine(Path.GetTempPath(), "neuronsim-never.png")], "TERM",
            after: TimeSpan.FromSeconds(3), timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(143, result.ExitCode);
        Assert.True(result.Stderr.Trim() is "" || result.Stderr.Trim().StartsWith("interrupted: ", StringComparison.Ordinal), result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_command_that_stops_early_on_sigint_exits_130_not_0()
    {
        var result = CliRunner.RunAndSignal(["bench"], "INT", line => line.Length > 0, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(130, result.ExitCode);
    }

    [Fact]
    public void A_second_sigint_ends_the_process_at_once_with_130()
    {
        var result = CliRunner.RunAndSignal(["snapshot", "--epochs", "2147483647", "--out", Path.Combine(Path.GetTempPath(), "neuronsim-never.png")], "INT",
            after: TimeSpan.FromSeconds(3), timeout: TimeSpan.FromSeconds(30), times: 2);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("interrupted: stopped at once by a second signal", result.Stderr.Trim());
    }
}
