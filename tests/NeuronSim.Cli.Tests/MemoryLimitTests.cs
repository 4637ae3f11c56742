namespace NeuronSim.Cli.Tests;

/// <summary>A run that cannot fit in memory is refused before anything is built, with both numbers.</summary>
public class MemoryLimitTests
{
    [Theory]
    [InlineData("--data", "linear", "--points", "1000000", "--hidden", "1024,1024,1024,1024")]
    [InlineData("--data", "spiral", "--points", "1000000", "--hidden", "1024,1024,1024,1024,1024,1024,1024,1024")]
    public void A_run_too_big_for_memory_is_refused_up_front_with_exit_2(params string[] args)
    {
        var result = CliRunner.Run(["train", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: a 2-[\d-]+-1 network on [\d,]+ points needs about [\d.]+ GB of memory, more than the [\d.]+ GB available", result.Stderr.Trim());
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void More_points_than_the_cap_are_refused_naming_the_option()
    {
        var result = CliRunner.Run("train", "--data", "linear", "--points", "2147483647");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --points must be 1 to 1000000, got 2147483647", result.Stderr.Trim());
    }
}
