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
        Assert.Equal(100, result.Stdout.Split('\n').Count(line => line.StartsWith('[')));
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
