using System.Text.RegularExpressions;
using NeuronSim.Commands;
using NeuronSim.Network.Training;
using Spectre.Console;

namespace NeuronSim.Cli.Tests;

/// <summary>train's live progress bar, drawn on a terminal-like console: where it stops, and that its lines fit the width.</summary>
public partial class TrainProgressTests
{
    [Fact]
    public void An_interrupted_run_leaves_the_bar_where_training_stopped()
    {
        var (code, lines) = Train(new TrainSettings { Epochs = 2_000_000_000, TargetLoss = 0, LogEvery = 0 }, width: 100, TimeSpan.FromMilliseconds(400));

        Assert.Equal(CliErrors.Interrupted, code);
        var last = lines.Last(line => line.Contains('%'));
        Assert.Matches(@"^epoch [\d,]+  loss \S+ .* 0% ", last);
    }

    [Fact]
    public void A_converged_run_fills_the_bar_and_says_so()
    {
        var (code, lines) = Train(new TrainSettings(), width: 100, cancelAfter: null);

        Assert.Equal(CliErrors.Success, code);
        Assert.Matches(@"^converged [\d,]+  loss \S+ .*100% ", lines.Last(line => line.Contains('%')));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(120)]
    public void Live_lines_fit_the_terminal(int width)
    {
        var (_, lines) = Train(new TrainSettings { Epochs = 3000, TargetLoss = 0, LogEvery = 0 }, width, cancelAfter: null);

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: '{line}'"));
        // One line per redraw: the description is never wrapped onto a line of its own.
        Assert.All(lines, line => Assert.Contains("%", line));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly 10", 10, "exactly …")]
    [InlineData("a much longer line", 8, "a much…")]
    public void Fit_keeps_one_spare_column(string text, int width, string expected) => Assert.Equal(expected, Terminal.Fit(text, width));

    /// <summary>Trains with a live console <paramref name="width"/> columns wide; returns the exit code and every line drawn, escape codes removed.</summary>
    private static (int Code, string[] Lines) Train(TrainSettings settings, int width, TimeSpan? cancelAfter)
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = width;
        using var cancel = new CancellationTokenSource();
        if (cancelAfter is { } after) cancel.CancelAfter(after);
        using var simulation = new TrainingSimulation(settings.ToSpec(), settings.ToSplit().Train, settings.ToOptions());
        var code = HeadlessTraining.Run(simulation, settings.LogEvery, cancel.Token, TextWriter.Null, console);
        var lines = Escape().Replace(screen.ToString(), "").Split('\n', '\r').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
        return (code, lines);
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escape();
}
