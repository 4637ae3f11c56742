using System.Diagnostics;

namespace NeuronSim.Cli.Tests;

/// <summary>What a run of the neuronsim executable printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real neuronsim executable (built next to the tests) as a child process.</summary>
public static class CliRunner
{
    /// <summary>The path of neuronsim.dll in the test output folder.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "neuronsim.dll");

    /// <summary>Runs <c>dotnet neuronsim.dll args</c> with redirected output and waits for it.</summary>
    public static CliResult Run(IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null) =>
        RunProcess("dotnet", [DllPath, .. args], environment, timeout, workingDirectory);

    /// <summary>Runs <paramref name="program"/> with redirected output (stdin closed) and waits for it; throws when it outlives the timeout (2 minutes by default).</summary>
    public static CliResult RunProcess(string program, IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null) info.Environment.Remove(key);
                else info.Environment[key] = value;
            }
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs neuronsim with the given arguments.</summary>
    public static CliResult Run(params string[] args) => Run((IEnumerable<string>)args);
}
