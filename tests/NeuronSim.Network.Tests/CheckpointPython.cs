using System.Diagnostics;
using System.Globalization;

namespace NeuronSim.Network.Tests;

/// <summary>
/// The python3 with numpy that runs tests/interop/xor_numpy.py: $NEURONSIM_PYTHON when set (and
/// only it), else the first python3 on PATH that imports numpy, else /usr/bin/python3 (Debian's
/// python3-numpy lives there even when a pyenv python3 comes first on PATH).
/// </summary>
internal static class CheckpointPython
{
    private static readonly Lazy<(string? Python, string Missing)> Found = new(Find);

    /// <summary>The interpreter, or null when none has numpy.</summary>
    public static string? Python => Found.Value.Python;

    /// <summary>Why the interop tests are skipped (empty when they run).</summary>
    public static string Missing => Found.Value.Missing;

    private static readonly Lazy<bool> TorchFound = new(() =>
        Python is { } python && RunProcess(python, ["-c", "import torch"], TimeSpan.FromMinutes(1)).Exit == 0);

    /// <summary>Whether that python also imports torch (Debian's python3-torch).</summary>
    public static bool HasTorch => TorchFound.Value;

    /// <summary>tests/interop/xor_numpy.py, found from the test binaries upwards.</summary>
    public static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "tests", "interop", "xor_numpy.py");
                if (File.Exists(script)) return script;
            }
            throw new FileNotFoundException("tests/interop/xor_numpy.py not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs xor_numpy.py with <paramref name="args"/>; returns its standard output, failing the test on a non-zero exit.</summary>
    public static string Run(params string[] args) => RunScript(Script, args);

    /// <summary>Runs torch_sequential.py (beside xor_numpy.py) with <paramref name="args"/>.</summary>
    public static string RunTorch(params string[] args) => RunScript(Path.Combine(Path.GetDirectoryName(Script)!, "torch_sequential.py"), args);

    private static string RunScript(string script, string[] args)
    {
        var (exit, stdout, stderr) = RunProcess(Python ?? throw new InvalidOperationException(Missing), [script, .. args], TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"{Path.GetFileName(script)} {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    /// <summary>The losses the script printed, one a line.</summary>
    public static double[] Losses(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();

    private static (string? Python, string Missing) Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("NEURONSIM_PYTHON") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        else
        {
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "python3")).Where(File.Exists));
            if (File.Exists("/usr/bin/python3")) candidates.Add("/usr/bin/python3");
        }
        if (candidates.Count == 0) return (null, "needs python3 with numpy (apt-get install python3-numpy): no python3 found");
        var tried = new List<string>();
        foreach (var python in candidates.Distinct())
        {
            try
            {
                if (RunProcess(python, ["-c", "import numpy"], TimeSpan.FromSeconds(60)).Exit == 0) return (python, "");
                tried.Add($"{python} has no numpy");
            }
            catch (Exception error) when (error is System.ComponentModel.Win32Exception or TimeoutException)
            {
                tried.Add($"{python} does not run");
            }
        }
        return (null, "needs python3 with numpy (apt-get install python3-numpy): " + string.Join("; ", tried));
    }

    private static (int Exit, string Stdout, string Stderr) RunProcess(string program, string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that runs only where python3 with numpy is installed (CI installs python3-numpy), else is skipped with the reason.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to what is missing, if anything.</summary>
    public PythonFactAttribute()
    {
        if (CheckpointPython.Python is null) Skip = CheckpointPython.Missing;
    }
}

/// <summary>A theory that runs only where python3 with numpy is installed, else is skipped with the reason.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to what is missing, if anything.</summary>
    public PythonTheoryAttribute()
    {
        if (CheckpointPython.Python is null) Skip = CheckpointPython.Missing;
    }
}

/// <summary>A fact that runs only where python3 has numpy and torch (python3-torch), else is skipped with the reason.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to what is missing, if anything.</summary>
    public TorchFactAttribute()
    {
        if (CheckpointPython.Python is null) Skip = CheckpointPython.Missing;
        else if (!CheckpointPython.HasTorch) Skip = $"needs torch for {CheckpointPython.Python} (apt-get install python3-torch)";
    }
}
