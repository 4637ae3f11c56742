namespace NeuronSim.Cli.Tests;

public class TrainCommandTests
{
    [Fact]
    public void Train_xor_seed_1_converges_with_the_labs_output()
    {
        var result = CliRunner.Run("train", "--data", "xor", "--seed", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^epoch: 100    loss: 0\.\d+", result.Stdout);
        Assert.Matches(@"(?m)^Converge in \d+ epoch!$", result.Stdout);
        Assert.Matches(@"(?m)^Test loss:\s+0\.00[0-4]\d*", result.Stdout);
        Assert.Contains("Test accuracy:  100.0%", result.Stdout);
        var predictions = result.Stdout.Split('\n').Count(line => line.StartsWith('['));
        Assert.Equal(21, predictions);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Train_that_hits_the_epoch_cap_says_it_did_not_converge()
    {
        var result = CliRunner.Run("train", "--data", "linear", "--epochs", "50", "--log-every", "10");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Did not converge in 50 epochs", result.Stdout);
        var logged = result.Stdout.Split('\n').Where(line => line.StartsWith("epoch: ")).Select(line => line.Split("    ")[0]);
        Assert.Equal(["epoch: 10", "epoch: 20", "epoch: 30", "epoch: 40", "epoch: 50", "epoch: 50"], logged);
        Assert.Equal(25, result.Stdout.Split('\n').Count(line => line.StartsWith('[')));
        Assert.EndsWith("\n... and 75 more", result.Stdout.TrimEnd());
    }

    [Fact]
    public void At_most_25_predictions_are_printed_then_how_many_more()
    {
        var result = CliRunner.RunInProcess(["train", "--data", "linear", "--points", "100000", "--epochs", "1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(25, result.Stdout.Split('\n').Count(line => line.StartsWith('[')));
        Assert.EndsWith("\n... and 99,975 more", result.Stdout.TrimEnd());
        Assert.Contains("(100,000 points)", result.Stdout);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void A_signal_stops_training_and_prints_where_it_stopped(string signal, int code)
    {
        var result = CliRunner.RunAndSignal(["train", "--epochs", "2000000000", "--target-loss", "0", "--log-every", "1000"], signal,
            line => line.StartsWith("epoch: 2000", StringComparison.Ordinal));

        Assert.Equal(code, result.ExitCode);
        Assert.Matches(@"(?m)^Interrupted at epoch \d+ \(loss ", result.Stdout);
        Assert.Contains("Test accuracy:", result.Stdout);
        Assert.Equal(21, result.Stdout.Split('\n').Count(line => line.StartsWith('[')));
        Assert.DoesNotContain("more", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void After_an_interruption_a_pass_over_a_large_data_set_is_skipped_and_said_so()
    {
        var result = CliRunner.RunInProcess(["train", "--data", "linear", "--points", "200000", "--hidden", "32,32", "--epochs", "2000000000"],
            cancelAfter: TimeSpan.FromMilliseconds(300));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Interrupted at epoch", result.Stdout);
        Assert.DoesNotContain("Test loss", result.Stdout);
        Assert.Equal("interrupted: skipped the test loss and accuracy (a pass over 200,000 points takes as long as an epoch)", result.Stderr.Trim());
        Assert.EndsWith("... and 199,975 more", result.Stdout.TrimEnd());
    }

    [Fact]
    public void A_diverging_run_stops_with_a_clear_message_and_exit_1()
    {
        var result = CliRunner.Run("train", "--activation", "identity", "--lr", "10", "--data", "linear");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^error: the loss became (NaN|∞|-∞|Infinity|-Infinity) at epoch \d+: training diverged", result.Stderr.Trim());
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Theory]
    [InlineData("--lr must be a positive number", "--lr", "0")]
    [InlineData("--lr must be a positive number", "--lr", "-1")]
    [InlineData("--hidden", "--hidden", "4,0")]
    [InlineData("--hidden", "--hidden", "4,x")]
    [InlineData("unknown data set 'moons'", "--data", "moons")]
    [InlineData("unknown activation 'softmax'", "--activation", "softmax")]
    [InlineData("epochs must be at least 1", "--epochs", "0")]
    [InlineData("bogus", "--bogus")]
    [InlineData("abc", "--lr", "abc")]
    public void Bad_arguments_get_one_line_and_exit_2(string expected, params string[] args)
    {
        var result = CliRunner.Run(["train", .. args]);

        Assert.Equal(2, result.ExitCode);
        var error = result.Stderr.Trim();
        Assert.StartsWith("error: ", error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain('\n', error);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public void Help_names_the_defaults()
    {
        var result = CliRunner.Run("train", "--help");

        Assert.Equal(0, result.ExitCode);
        // The help table wraps descriptions at the terminal's width: compare the words, not the line breaks.
        var help = System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.Contains("Default: biases on", help);
        Assert.Contains("Default: 4,4", help);
        Assert.Contains("--no-bias", help);
        Assert.Contains("Default: every point (full batch, the lab's)", help);
    }
}
