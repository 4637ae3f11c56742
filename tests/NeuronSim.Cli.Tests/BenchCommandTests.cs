using System.Globalization;

namespace NeuronSim.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public void Bench_prints_one_row_per_case_with_ratio_and_zero_allocation()
    {
        var result = CliRunner.Run("bench", "--seconds", "0.01");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Stdout.Split('\n').Select(line => line.Split('\t')).Where(cells => cells.Length == 10).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["xor", "xor", "xor", "xor", "linear", "linear", "linear", "linear"], rows.Select(r => r[0]));
        Assert.Equal(["4,4", "10,10", "100,100", "400,400"], rows.Take(4).Select(r => r[1]));
        foreach (var row in rows)
        {
            var ecs = double.Parse(row[4], CultureInfo.InvariantCulture);
            var dense = double.Parse(row[5], CultureInfo.InvariantCulture);
            var ratio = double.Parse(row[8], CultureInfo.InvariantCulture);
            Assert.True(ecs > 0 && dense > 0);
            Assert.Equal(ecs / dense, ratio, 0.01);
            Assert.Equal("0", row[9]);
        }
        Assert.Equal("97.124", rows[7][3]);
        Assert.Matches(@"frame: 1280x800, 4,4 on xor, boundary recomputed every frame: median \d+\.\d\d ms", result.Stdout);
        Assert.Matches(@"memory: a \(400,400\) network world for 21 points keeps \d+\.\d bytes per weight entity", result.Stdout);
    }

    [Fact]
    public void Bench_refuses_a_zero_time()
    {
        var result = CliRunner.Run("bench", "--seconds", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --seconds", result.Stderr.Trim());
    }
}
