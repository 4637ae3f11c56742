namespace NeuronSim.Cli.Tests;

/// <summary>train --save and --load: the run continues exactly, bad files and contradictions are refused with one line.</summary>
public sealed class CheckpointCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-ckpt-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData()]
    [InlineData("--optimizer", "adam", "--lr", "0.01", "--batch-size", "7", "--data", "circle", "--noise", "0.1", "--test-ratio", "0.3")]
    public void Saved_at_500_and_loaded_to_1000_prints_the_final_loss_of_one_run_of_1000(params string[] settings)
    {
        var file = Path.Combine(_dir, "a.safetensors");
        var first = CliRunner.Run(["train", "--epochs", "500", "--log-every", "0", "--save", file, .. settings]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Saved epoch 500 to {file}", first.Stdout);

        var continued = CliRunner.Run("train", "--load", file, "--epochs", "1000", "--log-every", "0");
        var whole = CliRunner.Run(["train", "--epochs", "1000", "--log-every", "0", .. settings]);

        Assert.Equal(0, continued.ExitCode);
        Assert.Contains("continuing from epoch 500", continued.Stdout);
        Assert.Equal(FinalLine(whole.Stdout), FinalLine(continued.Stdout));
        Assert.Matches(@"^epoch: 1000    loss: 0\.\d+$", FinalLine(whole.Stdout));
    }

    [Fact]
    public void A_checkpoint_of_a_continued_run_is_the_checkpoint_of_one_run_bit_for_bit()
    {
        // The continued run's save records the data and seed it went on with (the loaded file's), not the command line's defaults:
        // a checkpoint of a checkpoint still rebuilds the same points.
        string[] settings = ["--data", "circle", "--points", "60", "--noise", "0.1", "--data-seed", "5", "--seed", "3", "--test-ratio", "0.2", "--log-every", "0"];
        var (half, continued, whole) = (Path.Combine(_dir, "half.safetensors"), Path.Combine(_dir, "continued.safetensors"), Path.Combine(_dir, "whole.safetensors"));
        Assert.Equal(0, CliRunner.Run(["train", "--epochs", "50", "--save", half, .. settings]).ExitCode);
        Assert.Equal(0, CliRunner.Run("train", "--load", half, "--epochs", "100", "--log-every", "0", "--save", continued).ExitCode);
        Assert.Equal(0, CliRunner.Run(["train", "--epochs", "100", "--save", whole, .. settings]).ExitCode);

        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(continued));
        var again = CliRunner.Run("train", "--load", continued, "--epochs", "100", "--log-every", "0");
        Assert.Contains("circle (48 points, 12 more held out for testing)", again.Stdout);
    }

    [Fact]
    public void A_truncated_checkpoint_gets_one_line_and_exit_2()
    {
        var file = Path.Combine(_dir, "t.safetensors");
        Assert.Equal(0, CliRunner.Run("train", "--epochs", "5", "--log-every", "0", "--save", file).ExitCode);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);

        var result = CliRunner.Run("train", "--load", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches($@"^error: {System.Text.RegularExpressions.Regex.Escape(file)}: .*truncated", result.Stderr.Trim());
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void An_option_that_contradicts_the_file_names_both()
    {
        var file = Path.Combine(_dir, "c.safetensors");
        Assert.Equal(0, CliRunner.Run("train", "--epochs", "5", "--log-every", "0", "--save", file).ExitCode);

        var result = CliRunner.Run("train", "--load", file, "--hidden", "8,8");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --hidden 8,8 contradicts {file}, whose network has 4,4: leave --hidden out to continue that network", result.Stderr.Trim());
    }

    [Fact]
    public void Saving_where_no_file_can_be_fails_with_one_line_and_exit_1()
    {
        var notADirectory = Path.Combine(_dir, "plain-file");
        File.WriteAllText(notADirectory, "x");
        var result = CliRunner.Run("train", "--epochs", "5", "--log-every", "0", "--save", Path.Combine(notADirectory, "x.safetensors"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr.Trim());
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    private static string FinalLine(string stdout) => stdout.Split('\n').Last(line => line.StartsWith("epoch: "));
}
