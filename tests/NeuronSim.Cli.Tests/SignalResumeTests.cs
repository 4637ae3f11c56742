using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NeuronSim.Cli.Tests;

/// <summary>
/// Issue 14's fault test: SIGINT, SIGTERM (and SIGKILL) at pseudo-random moments, then <c>experiment --resume</c> or
/// <c>train --load</c>, give what an uninterrupted run gives: the same results.csv, run files and networks (wall times
/// aside), the same final loss and checkpoint bit for bit. The moments come from a seeded Random; the seed is in every
/// failure message (set NEURONSIM_SIGNAL_SEED to replay it; the moments are wall-clock, so a replay is close, not exact).
/// </summary>
public sealed partial class SignalResumeTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string[] Signals = ["INT", "TERM", "INT", "TERM", "KILL"];

    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-signal-resume-").FullName;
    private readonly int _seed = int.TryParse(Environment.GetEnvironmentVariable("NEURONSIM_SIGNAL_SEED"), out var seed) ? seed : Random.Shared.Next();
    private readonly List<string> _steps = [];

    public void Dispose()
    {
        log.WriteLine(Story);
        Directory.Delete(_directory, recursive: true);
    }

    private string Story => $"NEURONSIM_SIGNAL_SEED={_seed}\n{string.Join('\n', _steps)}";

    [Fact]
    public void Experiment_signalled_at_random_moments_then_resumed_equals_an_uninterrupted_run()
    {
        string[] plan = ["experiment", "lr", "--data", "xor", "--max-epochs", "4000", "--jobs", "2"];
        var reference = Path.Combine(_directory, "reference");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var whole = CliRunner.Run([.. plan, "--out", reference]);
        var duration = clock.Elapsed;
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        var random = new Random(_seed);
        for (var chain = 0; chain < 2; chain++)
        {
            var output = Path.Combine(_directory, $"chain{chain}");
            for (var attempt = 0; attempt < 3; attempt++)
            {
                string[] args = File.Exists(Path.Combine(output, "plan.json")) ? ["experiment", "--resume", output] : [.. plan, "--out", output];
                var (signal, after) = (Signals[random.Next(Signals.Length)], duration * (0.05 + 1.05 * random.NextDouble()));
                var result = CliRunner.RunAndSignal(args, signal, after, TimeSpan.FromSeconds(60));
                _steps.Add($"chain {chain}: {args[1]} SIG{signal} at {after.TotalSeconds:0.000} s -> exit {result.ExitCode}; {LastLine(result.Stderr)}");
                AssertSignalled(result, signal, result.Stdout.Contains("Wrote ", StringComparison.Ordinal) && !result.Stderr.Contains("interrupted"));
            }
            var last = CliRunner.Run(["experiment", "--resume", output]);
            _steps.Add($"chain {chain}: final resume -> exit {last.ExitCode}; {LastLine(last.Stderr)}");
            Assert.True(last.ExitCode == 0, $"{Story}\n{last.Stdout}\n{last.Stderr}");

            Assert.True(Rows(reference).SequenceEqual(Rows(output)), $"results.csv differs\n{Story}");
            Assert.True(Table(reference).SequenceEqual(Table(output)), $"results.md differs\n{Story}");
            Assert.Equal(Listing(reference), Listing(output));
            foreach (var file in Directory.GetFiles(Path.Combine(reference, "runs")))
            {
                var twin = Path.Combine(output, "runs", Path.GetFileName(file));
                if (file.EndsWith(".json", StringComparison.Ordinal)) Assert.True(RunFile(file) == RunFile(twin), $"{Path.GetFileName(file)} differs\n{Story}");
                else Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(twin)), $"{Path.GetFileName(file)} differs\n{Story}");
            }
        }
    }

    [Fact]
    public void Train_signalled_at_random_moments_then_continued_with_load_equals_an_uninterrupted_run_bit_for_bit()
    {
        // Mini-batches, Adam and L2: the shuffle order, the optimizer state and the step count all have to continue exactly.
        string[] run = ["train", "--data", "circle", "--points", "100", "--noise", "0.1", "--data-seed", "5", "--seed", "3", "--hidden", "6", "--optimizer", "adam", "--lr", "0.01",
            "--batch-size", "16", "--l2", "0.001", "--epochs", "6000", "--target-loss", "0", "--log-every", "1000"];
        var reference = Path.Combine(_directory, "reference.safetensors");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var whole = CliRunner.Run([.. run, "--save", reference, "--save-every", "250"]);
        var duration = clock.Elapsed;
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        Assert.Contains("Did not converge in 6000 epochs", whole.Stdout);

        var random = new Random(_seed);
        for (var chain = 0; chain < 3; chain++)
        {
            var file = Path.Combine(_directory, $"chain{chain}.safetensors");
            string[] Next() => File.Exists(file)
                ? ["train", "--load", file, "--epochs", "6000", "--log-every", "1000", "--save", file, "--save-every", "250"]
                : [.. run, "--save", file, "--save-every", "250"];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var args = Next();
                var (signal, after) = (Signals[random.Next(Signals.Length)], duration * (0.05 + 1.05 * random.NextDouble()));
                var result = CliRunner.RunAndSignal(args, signal, after, TimeSpan.FromSeconds(60));
                _steps.Add($"chain {chain}: {args[1]} SIG{signal} at {after.TotalSeconds:0.000} s -> exit {result.ExitCode}; {LastLine(result.Stdout)}");
                AssertSignalled(result, signal, result.Stdout.Contains("Did not converge in 6000 epochs", StringComparison.Ordinal));
                if (result.AfterSignal is null || signal == "KILL") continue;
                // SIGINT/SIGTERM: the run is saved at the epoch it stopped at, and says so.
                var stopped = StoppedAt().Match(result.Stdout);
                if (!stopped.Success) continue; // the signal came before training started (the process's own start-up)
                Assert.True(result.Stdout.Contains($"Saved epoch {stopped.Groups[1].Value} to {file}"), $"{Story}\n{result.Stdout}");
            }
            var last = CliRunner.Run(Next());
            _steps.Add($"chain {chain}: final {last.Stdout.Split('\n')[0]} -> exit {last.ExitCode}");
            Assert.True(last.ExitCode == 0, $"{Story}\n{last.Stdout}\n{last.Stderr}");
            Assert.True(Report(whole.Stdout, reference) == Report(last.Stdout, file), $"the report differs\n{Story}\n{last.Stdout}");
            Assert.True(File.ReadAllBytes(reference).SequenceEqual(File.ReadAllBytes(file)), $"the final checkpoint differs\n{Story}");
        }
    }

    /// <summary>
    /// SIGINT exits 130, SIGTERM 143, SIGKILL 137, never with a stack trace; 0 only when the command had done all its work
    /// (<paramref name="complete"/>) before the signal came or before it was seen (as the process ends).
    /// </summary>
    private void AssertSignalled(CliResult result, string signal, bool complete)
    {
        var expected = result.AfterSignal is null ? 0 : signal switch { "INT" => 130, "TERM" => 143, _ => 137 };
        Assert.True(result.ExitCode == expected || (result.ExitCode == 0 && complete), $"expected exit {expected}\n{Story}\n{result.Stdout}\n{result.Stderr}");
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        if (signal != "KILL" && result.AfterSignal is { } after) Assert.True(after < TimeSpan.FromSeconds(10), $"ran on {after} after SIG{signal}\n{Story}");
    }

    private static string LastLine(string text) => text.Trim().Split('\n')[^1];

    /// <summary>results.csv without its wall_time_s column.</summary>
    private static IEnumerable<string> Rows(string directory)
    {
        var lines = File.ReadAllLines(Path.Combine(directory, "results.csv"));
        var wall = Array.IndexOf(CsvFields(lines[0]), "wall_time_s");
        Assert.True(wall >= 0, lines[0]);
        return lines.Select(line => string.Join('\u0001', CsvFields(line).Where((_, k) => k != wall)));
    }

    private static string[] CsvFields(string line) => CsvField().Matches(line).Select(m => m.Value).ToArray();

    /// <summary>results.md with the wall time cell of each table row blanked.</summary>
    private static IEnumerable<string> Table(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "results.md")).Select(line => WallTimeCell().Replace(line, "| |"));

    /// <summary>Every file and directory under <paramref name="directory"/>, relative: none lost, no temporary file left.</summary>
    private static string[] Listing(string directory) =>
        Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(directory, path)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A run file without what depends on the clock.</summary>
    private static string RunFile(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("wallSeconds");
        json.Remove("finishedAt");
        json.Remove("checksum"); // a hash over the two above
        return json.ToJsonString();
    }

    /// <summary>The end of train's output, from how training ended on (the file's path made neutral).</summary>
    private static string Report(string stdout, string file)
    {
        var start = stdout.IndexOf("Did not converge", StringComparison.Ordinal);
        Assert.True(start >= 0, stdout);
        return stdout[start..].Replace(file, "FILE", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^Interrupted at epoch (\d+) ")]
    private static partial Regex StoppedAt();

    [GeneratedRegex(@"(?<=^|,)(""[^""]*""|[^,]*)")]
    private static partial Regex CsvField();

    [GeneratedRegex(@"\| [0-9.e+-]+ s \|$")]
    private static partial Regex WallTimeCell();
}
