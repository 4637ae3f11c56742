using System.Reflection;
using NeuronSim.Commands;

namespace NeuronSim.Cli.Tests;

/// <summary>Parsing of the command line (in-process): every mistake is one line naming the option and the form it expects, exit 2.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--lr: expected a number, got 'abc'", "train", "--lr", "abc")]
    [InlineData("--lr: expected a number, got nothing", "train", "--lr")]
    [InlineData("--lr: expected a finite number, got '-Infinity'", "train", "--lr", "-Infinity")]
    [InlineData("--lr: expected a finite number, got 'NaN'", "train", "--lr", "NaN")]
    [InlineData("--lr: expected a finite number, got '1e400'", "train", "--lr", "1e400")]
    [InlineData("--lr: expected a number, got the option '-h'", "train", "--lr", "-h")]
    [InlineData("--lr: expected a number, got the option '--epochs'", "train", "--lr", "--epochs", "5")]
    [InlineData("--epochs: expected a whole number from -2,147,483,648 to 2,147,483,647, got '99999999999'", "train", "--epochs", "99999999999")]
    [InlineData("--seed: expected a whole number, got '1.5'", "train", "--seed", "1.5")]
    [InlineData("--hidden: expected a value <SIZES>, got nothing", "train", "--hidden")]
    [InlineData("--no-bias takes no value, got 'x'", "train", "--no-bias=x")]
    [InlineData("train: unexpected argument 'x' (--no-bias takes no value)", "train", "--no-bias", "x")]
    [InlineData("train: unknown option '--LR' (did you mean --lr?)", "train", "--LR", "1")]
    [InlineData("train: unknown option '--version'", "train", "--version")]
    [InlineData("train: unexpected argument 'a' after --", "train", "--", "a")]
    [InlineData("unknown command 'trian' (did you mean train?)", "trian")]
    [InlineData("unknown option '--lr' before the command", "--lr", "1", "train")]
    [InlineData("--out: expected a file name, got ''", "snapshot", "--out", "")]
    [InlineData("--out: expected a file name, got ''", "watch", "--out=")]
    [InlineData("--jobs takes a whole number of at least 1, got 'abc'", "experiment", "--jobs", "abc")]
    [InlineData("--seconds: expected a finite number, got 'Infinity'", "bench", "--seconds", "Infinity")]
    [InlineData("--log-every: expected a whole number, got '\\u000a'", "train", "--log-every", "\n")]
    public void A_bad_command_line_is_one_line_naming_the_option_and_the_form_with_exit_2(string expected, params string[] args)
    {
        var result = CliRunner.RunInProcess(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: " + expected, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("--lr", "-0.5", "--lr must be a positive number, got -0.5")]
    [InlineData("--lr=-1e-3", null, "--lr must be a positive number, got -0.001")]
    [InlineData("--seed", "-7", null)]
    public void Values_that_start_with_a_dash_are_read_as_values(string option, string? value, string? error)
    {
        string[] args = value is null ? ["train", option, "--epochs", "1"] : ["train", option, value, "--epochs", "1"];

        var result = CliRunner.RunInProcess(args);

        if (error is null)
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Did not converge in 1 epochs", result.Stdout);
        }
        else
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("error: " + error, result.Stderr.Trim());
        }
    }

    [Fact]
    public void No_command_prints_the_help_on_standard_error_with_exit_2()
    {
        var result = CliRunner.RunInProcess([]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("USAGE:", result.Stderr);
        Assert.Contains("train", result.Stderr);
    }

    [Fact]
    public void Help_asked_for_is_on_standard_output_with_exit_0()
    {
        var result = CliRunner.RunInProcess(["train", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--lr", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("snapshot")]
    [InlineData("record")]
    [InlineData("watch")]
    [InlineData("experiment")]
    [InlineData("bench")]
    public void Every_commands_help_renders_with_exit_0(string command)
    {
        var result = CliRunner.RunInProcess([command, "--help"]);

        Assert.True(result.ExitCode == 0, $"{command} --help: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("DESCRIPTION:", result.Stdout);
        Assert.Contains("USAGE:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public void Version_prints_the_assemblys_informational_version(string option)
    {
        var expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = CliRunner.RunInProcess([option]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout.Trim());
        Assert.False(string.IsNullOrWhiteSpace(expected));
    }

    [Fact]
    public void Flags_take_true_or_false_as_spectre_does()
    {
        var result = CliRunner.RunInProcess(["train", "--no-bias", "true", "--epochs", "1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no bias", result.Stdout);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a very long value that goes on and on and on past forty characters")]
    public void Quoted_values_are_escaped_and_cut_to_a_readable_length(string value)
    {
        var quoted = ArgumentReader.Quote(value + "\n\u001b[2J");

        Assert.DoesNotContain('\n', quoted);
        Assert.DoesNotContain('\u001b', quoted);
        Assert.True(quoted.Length <= 70, quoted);
        Assert.StartsWith("'" + value[..Math.Min(value.Length, 30)], quoted);
    }
}
