using System.Globalization;
using System.Text.Json;

namespace NeuronSim.Cli.Tests;

public class BenchCommandTests
{
    private static readonly string[] Cases = ["xor", "xor", "xor", "xor", "linear", "linear", "linear", "linear"];

    [Fact]
    public void Bench_redirected_prints_a_header_then_one_row_per_case_with_ratio_and_zero_allocation()
    {
        var result = CliRunner.Run("bench", "--seconds", "0.01");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Matches(@"^\d+ cores; kernel (scalar|v256|v512) \(", lines[0]);
        Assert.Equal("data\thidden\tpoints\tMFLOP/epoch\tECS µs/epoch\tdense µs/epoch\tECS GFLOP/s\tdense GFLOP/s\tECS/dense\tECS B/epoch", lines[1]);
        var rows = lines.Skip(2).Take(8).Select(line => line.Split('\t')).ToList();
        Assert.All(rows, row => Assert.Equal(10, row.Length));
        Assert.Equal(Cases, rows.Select(r => r[0]));
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
        Assert.Equal("97.12", rows[7][3]);
        Assert.Matches(@"frame: 1280x800, 4,4 on xor, boundary recomputed every frame: median \d+(\.\d+)? ms", result.Stdout);
        Assert.Matches(@"memory: a \(400,400\) network world for 21 points keeps \d+(\.\d+)? bytes per weight entity", result.Stdout);
        Assert.Matches(@"mini-batch: \(400,400\) on linear in batches of 32 \(4 steps per epoch\): \d+(\.\d+)? µs/epoch, \d+(\.\d+)? GFLOP/s", result.Stdout);
    }

    [Fact]
    public void Bench_csv_is_a_header_and_eight_round_trip_records()
    {
        var result = CliRunner.Run("bench", "--seconds", "0.01", "--csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        Assert.Equal("data,hidden,points,mflop_per_epoch,ecs_us_per_epoch,dense_us_per_epoch,ecs_gflops,dense_gflops,ecs_over_dense,ecs_bytes_per_epoch", lines[0]);
        Assert.StartsWith("linear,\"400,400\",100,97.124", lines[8]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Replace("\"4,4\"", "h").Replace("\"10,10\"", "h").Replace("\"100,100\"", "h").Replace("\"400,400\"", "h").Split(',');
            Assert.Equal(10, cells.Length);
            var (ecs, dense, ratio) = (Parse(cells[4]), Parse(cells[5]), Parse(cells[8]));
            Assert.Equal(ecs / dense, ratio, 1e-12);
        }
        Assert.Contains("kernel", result.Stderr);
    }

    [Fact]
    public void Bench_json_holds_every_case_the_kernel_frames_and_memory()
    {
        var result = CliRunner.Run("bench", "--seconds", "0.01", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Matches("^(scalar|v256|v512) ", root.GetProperty("kernel").GetString());
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(Cases, cases.Select(c => c.GetProperty("data").GetString()));
        Assert.Equal([400, 400], cases[7].GetProperty("hidden").EnumerateArray().Select(h => h.GetInt32()));
        Assert.All(cases, c => Assert.Equal(0, c.GetProperty("ecs_bytes_per_epoch").GetDouble()));
        Assert.Equal(3, root.GetProperty("extra").GetProperty("frames").GetArrayLength());
        Assert.Equal(2, root.GetProperty("extra").GetProperty("memory").GetArrayLength());
        var miniBatch = Assert.Single(root.GetProperty("extra").GetProperty("mini_batches").EnumerateArray());
        Assert.Equal(32, miniBatch.GetProperty("batch_size").GetInt32());
        Assert.True(miniBatch.GetProperty("us_per_epoch").GetDouble() > 0);
    }

    [Fact]
    public void Bench_peers_without_python_says_so_and_goes_on()
    {
        var result = CliRunner.Run("bench", "--seconds", "0.01", "--peers", "--python", "/nonexistent/python3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("numpy: /nonexistent/python3 not found; going on without it", result.Stdout);
        Assert.Contains("torch: /nonexistent/python3 not found; going on without it", result.Stdout);
        Assert.Equal(8, result.Stdout.Split('\n').Count(line => line.Split('\t').Length == 10) - 1);
    }

    [Fact]
    public void Bench_peers_train_the_same_network_as_neuronsim_or_say_what_is_missing()
    {
        var result = CliRunner.Run(["bench", "--seconds", "0.01", "--peers"], new Dictionary<string, string?> { ["OPENBLAS_CORETYPE"] = "Haswell" }, TimeSpan.FromMinutes(5));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OPENBLAS_CORETYPE=Haswell", result.Stdout);
        if (result.Stdout.Contains("numpy: the first 3 losses"))
        {
            // The peers started from NeuronSim's weights and data: their first losses are NeuronSim's.
            Assert.Contains("numpy: the first 3 losses equal NeuronSim's (same weights, same data, same training) in 8 of 8 cases", result.Stdout);
            // The peers ran without the inherited core type, so OpenBLAS chose its own kernel, which is named.
            Assert.Matches(@"numpy [\d.]+ \(ran with OPENBLAS_CORETYPE=\(unset\), OPENBLAS_L2_SIZE=\(unset\)\): BLAS .*kernel \w+", result.Stdout);
            Assert.Contains("NeuronSim/numpy", result.Stdout);
            // Beside the best of 1 thread and all cores, the time on one thread, with NeuronSim's ratio to it.
            var header = result.Stdout.Split('\n').First(line => line.StartsWith("data\thidden\tNeuronSim µs/epoch"));
            Assert.Contains("numpy 1-thread µs/epoch\tNeuronSim/numpy 1-thread", header);
            var row = result.Stdout.Split('\n').First(line => line.StartsWith("linear\t400,400\t") && line.Split('\t').Length == header.Split('\t').Length).Split('\t');
            var column = Array.IndexOf(header.Split('\t'), "numpy 1-thread µs/epoch");
            Assert.True(Parse(row[column]) > 0, $"numpy's one-thread time: {row[column]}");
        }
        else
        {
            Assert.Matches(@"numpy: .*(not installed|not found|failed).*; going on without it", result.Stdout);
        }
    }

    [Fact]
    public void Bench_refuses_a_zero_time_and_csv_with_json()
    {
        var result = CliRunner.Run("bench", "--seconds", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --seconds", result.Stderr.Trim());

        result = CliRunner.Run("bench", "--csv", "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --csv and --json exclude each other", result.Stderr.Trim());
    }

    [Fact]
    public void Npy_files_for_the_peers_have_numpys_header_and_little_endian_doubles()
    {
        var bytes = NeuronSim.Benchmarking.NpyFile.Encode([1.5, -2, 3, 4.25, 5, 6], 2, 3);

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        var headerLength = bytes[8] | bytes[9] << 8;
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", header);
        Assert.EndsWith("\n", header);
        Assert.Equal(10 + headerLength + 6 * 8, bytes.Length);
        Assert.Equal(4.25, BitConverter.ToDouble(bytes, 10 + headerLength + 3 * 8));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
