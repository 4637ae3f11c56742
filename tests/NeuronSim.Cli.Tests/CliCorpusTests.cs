using System.Text.Json;

namespace NeuronSim.Cli.Tests;

/// <summary>The corpus of the nastiest command lines (tests/corpus/cli-args.txt): each ends as recorded there, cleanly.</summary>
public class CliCorpusTests
{
    private static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(5);

    /// <summary>One line of the corpus: the arguments, the exit code, how standard error starts.</summary>
    public sealed record Case(string[] Args, int Exit, string? Stderr)
    {
        /// <inheritdoc />
        public override string ToString() => JsonSerializer.Serialize(Args);
    }

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "corpus", "cli-args.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            data.Add(JsonSerializer.Deserialize<Case>(line, options)!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_ends_as_recorded(Case @case)
    {
        var result = @case.Args.Length == 0 ? CliRunner.RunInProcess([]) : CliOutcome.AssertClean(@case.Args, RunBudget);

        Assert.Equal(@case.Exit, result.ExitCode);
        if (@case.Stderr is { } start) Assert.StartsWith(start, result.Stderr);
    }
}
