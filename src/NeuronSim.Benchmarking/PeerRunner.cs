using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NeuronSim.Benchmarking;

/// <summary>A peer's time on one case.</summary>
/// <param name="Microseconds">Time per epoch, the best of one thread and all cores.</param>
/// <param name="Threads">The thread count of that best time.</param>
/// <param name="Losses">The losses of the peer's first epochs (to check it trained the same network).</param>
/// <param name="OneThreadMicroseconds">Time per epoch on one thread (NaN when the script did not say).</param>
public sealed record PeerTiming(double Microseconds, int Threads, double[] Losses, double OneThreadMicroseconds);

/// <summary>What one peer framework reported, or why it could not run.</summary>
/// <param name="Name">numpy or torch.</param>
/// <param name="Version">The framework and its version, when it ran.</param>
/// <param name="Missing">Why it did not run (python3 or the module missing), else null.</param>
/// <param name="Blas">The BLAS libraries threadpoolctl found: library, version, kernel, threads.</param>
/// <param name="Timings">Per case directory.</param>
/// <param name="Environment">The OpenBLAS variables as the peer saw them (<c>OPENBLAS_CORETYPE=(unset), ...</c>).</param>
public sealed record PeerReport(string Name, string? Version, string? Missing, IReadOnlyList<string> Blas, IReadOnlyDictionary<string, PeerTiming> Timings, string Environment = "");

/// <summary>
/// Runs tests/NeuronSim.Benchmarks/peers/train_peer.py for one framework over the written cases.
/// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the peer's environment only (an older
/// forced core type slows OpenBLAS), so OpenBLAS picks its kernel for this CPU, and the report says which.
/// </summary>
public static class PeerRunner
{
    /// <summary>The script's path inside the repository.</summary>
    public const string ScriptPath = "tests/NeuronSim.Benchmarks/peers/train_peer.py";

    /// <summary>Environment variables the peers run without.</summary>
    public static readonly string[] ClearedVariables = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"];

    /// <summary>The script, looked for above the executable and above the working directory; null when not found.</summary>
    public static string? FindScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ScriptPath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The Python to run the peers with: the first of <c>python3</c> on the PATH and Debian's
    /// <c>/usr/bin/python3</c> that imports numpy (a pyenv or venv python on the PATH often lacks
    /// Debian's packages), else <c>python3</c>, which then reports what is missing.
    /// </summary>
    public static string FindPython()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
                probe.StandardError.ReadToEnd();
                probe.WaitForExit();
                if (probe.ExitCode == 0) return candidate;
            }
            catch (Win32Exception)
            {
                // Not installed there: try the next.
            }
        }
        return "python3";
    }

    /// <summary>Trains every case in <paramref name="caseDirectories"/> with <paramref name="framework"/> for about <paramref name="seconds"/> each.</summary>
    public static PeerReport Run(string framework, string script, double seconds, IReadOnlyList<string> caseDirectories, string python = "python3")
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, framework, seconds.ToString(CultureInfo.InvariantCulture) }.Concat(caseDirectories)) info.ArgumentList.Add(arg);
        foreach (var variable in ClearedVariables) info.Environment.Remove(variable);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception)
        {
            return Missing(framework, $"{python} not found");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line) lines.Add(line);
            process.WaitForExit();
            if (process.ExitCode != 0 || lines.Count == 0)
            {
                var last = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
                return Missing(framework, $"{framework} peer failed (exit {process.ExitCode}): {last ?? "no output"}");
            }
            return Parse(framework, lines);
        }
    }

    /// <summary>Reads the script's JSON lines: a description first, then one line per case.</summary>
    public static PeerReport Parse(string framework, IReadOnlyList<string> lines)
    {
        using var head = JsonDocument.Parse(lines[0]);
        if (head.RootElement.TryGetProperty("missing", out var missing)) return Missing(framework, $"{framework} not installed ({missing.GetString()})");
        var blas = head.RootElement.TryGetProperty("blas", out var pools)
            ? pools.EnumerateArray().Select(Describe).ToList()
            : [];
        var timings = new Dictionary<string, PeerTiming>();
        foreach (var line in lines.Skip(1))
        {
            using var row = JsonDocument.Parse(line);
            var r = row.RootElement;
            var oneThread = r.TryGetProperty("us_by_threads", out var byThreads) && byThreads.TryGetProperty("1", out var one) ? one.GetDouble() : double.NaN;
            timings[r.GetProperty("case").GetString()!] = new PeerTiming(r.GetProperty("us_per_epoch").GetDouble(), r.GetProperty("threads").GetInt32(),
                r.GetProperty("losses").EnumerateArray().Select(l => l.GetDouble()).ToArray(), oneThread);
        }
        var environment = head.RootElement.TryGetProperty("environment", out var variables)
            ? string.Join(", ", variables.EnumerateObject().Select(v => $"{v.Name}={(v.Value.ValueKind == JsonValueKind.Null ? "(unset)" : v.Value.GetString())}"))
            : "";
        return new PeerReport(framework, head.RootElement.GetProperty("version").GetString(), null, blas, timings, environment);
    }

    private static string Describe(JsonElement pool)
    {
        string? Field(string name) => pool.TryGetProperty(name, out var value) ? value.ToString() : null;
        if (Field("note") is { } note) return note;
        return $"{Field("internal_api")} {Field("version")}, kernel {Field("architecture") ?? "?"}, {Field("num_threads")} threads ({Field("threading_layer") ?? "?"}), {Field("filepath")}";
    }

    private static PeerReport Missing(string framework, string why) => new(framework, null, why, [], new Dictionary<string, PeerTiming>());
}
