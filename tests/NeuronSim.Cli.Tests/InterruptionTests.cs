namespace NeuronSim.Cli.Tests;

/// <summary>The shared signal handling (Interruption): every command ends on SIGINT with 130 and on SIGTERM with 143, even one that does not look at its cancellation token.</summary>
public class InterruptionTests
{
    /// <summary>
    /// One epoch of a 2-1024-1024-1024-1024-1 network on 2000 points cannot be cut short: the token is looked at between
    /// epochs. On the scalar kernel path (<see cref="SlowKernel"/>) it takes tens of seconds on any machine; on the vector
    /// path here about half a second, which a signal's grace period may or may not outlast.
    /// </summary>
    private static readonly string[] LongEpochs = ["train", "--data", "circle", "--points", "2000", "--hidden", "1024,1024,1024,1024", "--epochs", "1000", "--log-every", "0"];

    private static readonly string[] SlowKernel = [$"{Network.Model.Kernels.KernelSelection.Variable}=scalar"];

    /// <summary>The header train prints just before its first epoch.</summary>
    private static bool Training(string line) => line.StartsWith("Training ", StringComparison.Ordinal);

    [Fact]
    public void A_command_that_keeps_working_after_sigterm_is_ended_by_the_grace_period_with_143()
    {
        // Every command checks its token, but only between epochs: in the middle of a long one the grace period ends it.
        var result = CliRunner.RunAndSignalWith(SlowKernel, LongEpochs, "TERM", Training, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(143, result.ExitCode);
        Assert.True(result.Stderr.Trim() is "" || result.Stderr.Trim().StartsWith("interrupted: ", StringComparison.Ordinal), result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.True(result.AfterSignal < TimeSpan.FromSeconds(5), $"ran on {result.AfterSignal} after the signal");
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
        var result = CliRunner.RunAndSignalWith(SlowKernel, LongEpochs, "INT", Training, timeout: TimeSpan.FromSeconds(30), times: 2);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("interrupted: stopped at once by a second signal", result.Stderr.Trim());
    }
}
