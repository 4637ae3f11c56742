namespace NeuronSim.Cli.Tests;

/// <summary>Issue 10 in the experiment command: --data takes every built-in set, and the built-in experiment datasets.</summary>
public class ExperimentDataTests
{
    [Fact]
    public void Data_takes_any_built_in_set_as_a_comma_list()
    {
        var directory = TempDirectory();
        try
        {
            var result = Neuronsim("experiment", "baseline", "--data", "gauss, circle", "--max-epochs", "20", "--out", directory);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("on circle, gauss", result.Stdout);
            var rows = File.ReadAllLines(Path.Combine(directory, "results.csv")).Skip(1).Select(line => line.Split(',')[2]).ToArray();
            Assert.Equal(["circle", "gauss"], rows);
            Assert.True(File.Exists(Path.Combine(directory, "figures", "baseline-circle-curves.png")));
            var report = File.ReadAllText(Path.Combine(directory, "REPORT.md"));
            Assert.Contains("  - circle (500 points): a disc of label 1", report);
            Assert.DoesNotContain("XOR easy", report);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("moons", "error: --data: unknown data set 'moons' (expected xor, linear, circle, gauss, spiral, xor-quadrants, a comma list of them, both or all-sets)")]
    [InlineData("xor,both", "error: --data: 'xor' is given twice")]
    [InlineData("spiral,", "error: --data: unknown data set ''")]
    public void A_bad_data_list_is_refused_naming_the_option(string data, string error)
    {
        var result = Neuronsim("experiment", "baseline", "--data", data, "--max-epochs", "5");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(error, result.Stderr.Trim());
    }

    [Fact]
    public void The_datasets_experiment_learns_every_set_and_reports_the_held_out_spiral()
    {
        var directory = TempDirectory();
        try
        {
            var result = Neuronsim("experiment", "datasets", "--data", "xor", "--out", directory);
            Assert.Equal(0, result.ExitCode);
            var lines = File.ReadAllLines(Path.Combine(directory, "results.csv"));
            var header = lines[0].Split(',');
            var rows = lines.Skip(1).Select(Cells).ToList();
            Assert.Equal(["xor", "linear", "circle", "gauss", "spiral", "xor-quadrants"], rows.Select(r => r[Array.IndexOf(header, "data")]).ToArray());
            Assert.All(rows, r => Assert.Equal("converged", r[Array.IndexOf(header, "status")]));
            var spiral = rows.Single(r => r[Array.IndexOf(header, "data")] == "spiral");
            var testAccuracy = double.Parse(spiral[Array.IndexOf(header, "test_accuracy")], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(testAccuracy >= 0.9, $"spiral test accuracy {testAccuracy}");
            Assert.Equal("150", spiral[Array.IndexOf(header, "test_points")]);
            var report = File.ReadAllText(Path.Combine(directory, "REPORT.md"));
            Assert.Contains("**Held-out test set**: spiral", report);
            Assert.Contains("Across the data sets:\n\n- **Learned** (loss below 0.005), fewest epochs first: ", report);
            Assert.Contains("- **On held-out points**: spiral ", report);
            Assert.Equal(12, Directory.GetFiles(Path.Combine(directory, "figures"), "*.png").Length);
            foreach (var figure in Directory.GetFiles(Path.Combine(directory, "figures")))
            {
                Assert.Contains("figures/" + Path.GetFileName(figure), report);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The cells of a CSV line (quoted cells may hold commas; "" is a quote).</summary>
    private static string[] Cells(string line) =>
        [.. System.Text.RegularExpressions.Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")
            .Select(m => m.Groups[1].Value is var cell && cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"") : m.Groups[1].Value)];

    private static CliResult Neuronsim(params string[] args) => CliRunner.Run(args, timeout: TimeSpan.FromMinutes(3));

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "neuronsim-cli-exp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
