using System.Diagnostics;
using NeuronSim.Commands;

namespace NeuronSim.Cli.Tests;

/// <summary>What a run of the neuronsim executable printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>For a run that was sent a signal: how long it ran on after the (first) signal; null when no signal was sent (it had ended before).</summary>
    public TimeSpan? AfterSignal { get; init; }
}

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

    private static readonly Lock ConsoleGate = new();

    /// <summary>
    /// Runs the command line in this process (<see cref="CommandLine.Run"/>, what the executable runs less the signal
    /// handling) with standard output and error captured, one run at a time; cancels it (as Ctrl+C does) after
    /// <paramref name="cancelAfter"/> when given.
    /// </summary>
    public static InProcessResult RunInProcess(IReadOnlyList<string> args, TimeSpan? cancelAfter = null)
    {
        lock (ConsoleGate)
        {
            var (output, error) = (Console.Out, Console.Error);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            using var cancel = new CancellationTokenSource();
            var cancelledAt = TimeSpan.Zero;
            var clock = Stopwatch.StartNew();
            using var registration = cancel.Token.Register(() => cancelledAt = clock.Elapsed);
            if (cancelAfter is { } after) cancel.CancelAfter(after);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            int code;
            try
            {
                var run = Task.Run(() => CommandLine.Run(args, cancel.Token));
                if (!run.Wait(TimeSpan.FromMinutes(1))) throw new TimeoutException($"neuronsim {string.Join(' ', args)} did not return within a minute");
                code = run.Result;
            }
            finally
            {
                Console.SetOut(output);
                Console.SetError(error);
            }
            var elapsed = clock.Elapsed;
            return new InProcessResult(code, stdout.ToString(), stderr.ToString(), cancel.IsCancellationRequested ? elapsed - cancelledAt : null);
        }
    }

    /// <summary>Starts neuronsim (SIGINT at its default, so the child can handle it even when this process ignores it), waits until a line of its standard output matches <paramref name="ready"/>, sends <paramref name="signal"/> and waits for the end.</summary>
    public static CliResult RunAndSignal(IEnumerable<string> args, string signal, Func<string, bool> ready, TimeSpan? timeout = null, int times = 1) =>
        RunAndSignal(args, signal, ready, after: TimeSpan.Zero, timeout, times);

    /// <summary>Starts neuronsim as above and sends <paramref name="signal"/> <paramref name="after"/> it started (for commands that print nothing while they work).</summary>
    public static CliResult RunAndSignal(IEnumerable<string> args, string signal, TimeSpan after, TimeSpan? timeout = null, int times = 1) =>
        RunAndSignal(args, signal, ready: null, after, timeout, times);

    /// <summary>As <see cref="RunAndSignal(IEnumerable{string}, string, Func{string, bool}, TimeSpan?, int)"/>, with the environment variables <paramref name="unset"/> removed (DISPLAY: no window).</summary>
    public static CliResult RunAndSignal(IEnumerable<string> args, string signal, Func<string, bool> ready, TimeSpan timeout, IEnumerable<string> unset) =>
        RunAndSignal(args, signal, ready, TimeSpan.Zero, timeout, 1, unset);

    /// <summary>As <see cref="RunAndSignal(IEnumerable{string}, string, Func{string, bool}, TimeSpan?, int)"/>, with the environment variables <paramref name="set"/> ("NAME=VALUE") added.</summary>
    public static CliResult RunAndSignalWith(IEnumerable<string> set, IEnumerable<string> args, string signal, Func<string, bool> ready, TimeSpan timeout, int times = 1) =>
        RunAndSignal(args, signal, ready, TimeSpan.Zero, timeout, times, set: set);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static CliResult RunAndSignal(IEnumerable<string> args, string signal, Func<string, bool>? ready, TimeSpan after, TimeSpan? timeout, int times = 1,
        IEnumerable<string>? unset = null, IEnumerable<string>? set = null)
    {
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])["--default-signal=INT", .. (unset ?? []).Select(name => "--unset=" + name), .. set ?? [], "dotnet", DllPath, .. args]) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        var limit = timeout ?? TimeSpan.FromMinutes(1);
        var clock = Stopwatch.StartNew();
        Thread.Sleep(after);
        while (ready is not null && process.StandardOutput.ReadLine() is { } line)
        {
            stdout.AppendLine(line);
            if (ready(line)) break;
            if (clock.Elapsed > limit) break;
        }
        // Straight through the kill(2) system call (starting a `kill` process per signal can take a second on a
        // loaded machine, longer than the grace period a second signal is meant to cut short), 200 ms apart
        // (two signals sent at once can merge into one: a pending standard signal is not queued twice).
        var number = signal switch { "INT" => 2, "TERM" => 15, "KILL" => 9, "HUP" => 1, _ => throw new ArgumentException($"unknown signal {signal}") };
        TimeSpan? signalledAt = null;
        for (var k = 0; k < times && !process.HasExited; k++)
        {
            if (k > 0) Thread.Sleep(200);
            signalledAt ??= clock.Elapsed;
            SendSignal(process.Id, number);
        }
        var rest = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"neuronsim {string.Join(' ', args)} did not stop after SIG{signal}");
        }
        var ended = clock.Elapsed;
        stdout.Append(rest.Result);
        return new CliResult(process.ExitCode, stdout.ToString(), stderr.Result) { AfterSignal = ended - signalledAt };
    }
}

/// <summary>What an in-process run printed and returned; <paramref name="AfterCancel"/> is how long it ran on after it was cancelled (null when it was not).</summary>
public sealed record InProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan? AfterCancel);
