using System.Diagnostics;

namespace NeuronSim.Cli.Tests;

/// <summary>Issue 14 for `experiment`: failures are one line with exit 1 (2 for bad input), nothing is written before validation, the output directory is ours and locked.</summary>
public class ExperimentFaultTests
{
    [Fact]
    public void Jobs_that_is_not_a_number_names_the_option()
    {
        var result = Neuronsim("experiment", "baseline", "--jobs", "abc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--jobs takes a whole number of at least 1, got 'abc'", result.Stderr);
        Assert.DoesNotContain("Nullable", result.Stderr);
    }

    [Fact]
    public void Bad_options_write_nothing_and_jobs_0_is_refused_on_resume()
    {
        WithDirectory(directory =>
        {
            var output = Path.Combine(directory, "out");
            var result = Neuronsim("experiment", "baseline", "--seed", "2147483647", "--seeds", "2", "--out", output);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("largest seed", result.Stderr);
            Assert.False(Directory.Exists(output), "the output directory was created before the options were validated");

            Assert.Equal(0, Neuronsim("experiment", "baseline", "--data", "xor", "--max-epochs", "20", "--out", output).ExitCode);
            var resumed = Neuronsim("experiment", "--resume", output, "--jobs", "0");
            Assert.Equal(2, resumed.ExitCode);
            Assert.Contains("--jobs", resumed.Stderr);
        });
    }

    [Fact]
    public void A_non_empty_directory_that_is_not_an_experiments_is_refused_and_left_alone()
    {
        WithDirectory(directory =>
        {
            File.WriteAllText(Path.Combine(directory, "REPORT.md"), "my own report");
            var result = Neuronsim("experiment", "baseline", "--data", "xor", "--max-epochs", "20", "--out", directory);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is not empty", result.Stderr);
            Assert.Equal("my own report", File.ReadAllText(Path.Combine(directory, "REPORT.md")));
            Assert.Equal(["REPORT.md"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
        });
    }

    [Fact]
    public void A_second_experiment_on_a_locked_directory_is_refused()
    {
        WithDirectory(directory =>
        {
            var output = Path.Combine(directory, "out");
            Assert.Equal(0, Neuronsim("experiment", "baseline", "--data", "xor", "--max-epochs", "20", "--out", output).ExitCode);
            using var held = new FileStream(Path.Combine(output, ".neuronsim.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            var result = Neuronsim("experiment", "--resume", output);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("in use by another neuronsim experiment", result.Stderr);
        });
    }

    [Fact]
    public void A_directory_where_a_run_file_belongs_is_one_line_with_exit_1_and_the_other_runs_stay()
    {
        WithDirectory(directory =>
        {
            Assert.Equal(0, Neuronsim("experiment", "baseline", "--max-epochs", "20", "--out", directory).ExitCode);
            var files = Directory.GetFiles(Path.Combine(directory, "runs")).Order().ToArray();
            File.Delete(files[0]);
            Directory.CreateDirectory(files[0]);
            var kept = File.ReadAllText(files[1]);

            var result = Neuronsim("experiment", "--resume", directory);

            Assert.Equal(1, result.ExitCode);
            AssertOneLineError(result, Path.GetFileNameWithoutExtension(files[0]));
            Assert.Contains("is a directory; training it again", result.Stdout);
            Assert.Equal(kept, File.ReadAllText(files[1]));
        });
    }

    [Fact]
    public void A_read_only_runs_directory_is_one_line_with_exit_1_and_the_saved_runs_stay()
    {
        WithDirectory(directory =>
        {
            Assert.Equal(0, Neuronsim("experiment", "baseline", "--max-epochs", "20", "--out", directory).ExitCode);
            var runs = Path.Combine(directory, "runs");
            var files = Directory.GetFiles(runs).Order().ToArray();
            File.Delete(files[0]);
            var kept = File.ReadAllText(files[1]);
            if (Run("mount", "--bind", runs, runs) != 0) return; // needs root: nothing to test without a mount
            try
            {
                Assert.Equal(0, Run("mount", "-o", "remount,bind,ro", runs));
                var result = Neuronsim("experiment", "--resume", directory);
                Assert.Equal(1, result.ExitCode);
                AssertOneLineError(result, "Read-only file system");
                Assert.Equal(kept, File.ReadAllText(files[1]));
            }
            finally
            {
                Run("umount", runs);
            }
        });
    }

    [Theory]
    [InlineData("\"learningRate\": 1", "\"learningRate\": -1", "learningRate: must be a positive number")]
    [InlineData("\"hidden\": \\[[^\\]]*\\]", "\"hidden\": [100000, 100000]", "must be a whole number from 1 to")]
    [InlineData("\"name\": \"baseline\"", "\"name\": \"../../evil\"", "name must be")]
    public void A_plan_json_that_does_not_validate_is_exit_2_on_resume(string from, string to, string expected)
    {
        WithDirectory(directory =>
        {
            Assert.Equal(0, Neuronsim("experiment", "baseline", "--data", "xor", "--max-epochs", "20", "--out", directory).ExitCode);
            var plan = Path.Combine(directory, "plan.json");
            var text = File.ReadAllText(plan);
            Assert.Matches(from, text);
            File.WriteAllText(plan, new System.Text.RegularExpressions.Regex(from).Replace(text, to, 1));
            Directory.Delete(Path.Combine(directory, "runs"), recursive: true);

            var result = Neuronsim("experiment", "--resume", directory);

            Assert.Equal(2, result.ExitCode);
            AssertOneLineError(result, expected);
            Assert.False(Directory.Exists(Path.Combine(directory, "runs")), "runs were trained from an invalid plan");
        });
    }

    [Fact]
    public void Presets_that_are_directories_or_have_overlong_labels_are_refused_before_training()
    {
        WithDirectory(directory =>
        {
            var output = Path.Combine(directory, "out");
            var result = Neuronsim("experiment", "--preset", directory, "--out", output);
            Assert.Equal(2, result.ExitCode);
            AssertOneLineError(result, "is a directory");

            var preset = Path.Combine(directory, "long.json");
            File.WriteAllText(preset, $$"""{ "name": "long", "title": "Long", "settings": [ { "label": "{{new string('x', 100_000)}}", "hidden": [4], "activation": "sigmoid", "learningRate": 1 } ] }""");
            result = Neuronsim("experiment", "--preset", preset, "--out", output);
            Assert.Equal(2, result.ExitCode);
            AssertOneLineError(result, "label: at most 80 characters");
            Assert.False(Directory.Exists(output));
        });
    }

    private static void AssertOneLineError(CliResult result, string expected)
    {
        var error = result.Stderr.Trim();
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain('\n', error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("Unhandled", result.Stderr + result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    private static int Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static CliResult Neuronsim(params string[] args) => CliRunner.Run(args, timeout: TimeSpan.FromMinutes(3));

    private static void WithDirectory(Action<string> test)
    {
        var path = Path.Combine(Path.GetTempPath(), "neuronsim-cli-fault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            test(path);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
