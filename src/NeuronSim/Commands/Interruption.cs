using System.Runtime.InteropServices;

namespace NeuronSim.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for every command. The first signal cancels the token that each
/// command's <c>Execute</c> receives: the command stops its work, writes what is cheap, says what it
/// skipped and returns <see cref="CliErrors.Interrupted"/>; <see cref="ExitCode"/> turns that into
/// 130 for SIGINT and 143 for SIGTERM. A second signal, or a command still running
/// <see cref="GracePeriod"/> after the first (blocked in a call that cannot be cancelled), ends the
/// process at once with the same code: files written atomically are never left half-written.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>How long a command has to return after the first signal before the process is ended.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(1);

    private static Interruption? _installed;

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Lock _gate = new();
    private Timer? _deadline;
    private DateTime _deadlineAt;
    private int _signals;

    private Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Takes over SIGINT and SIGTERM for this process (once, from Program).</summary>
    public static Interruption Install()
    {
        if (_installed is not null) throw new InvalidOperationException("the interruption handler is already installed");
        return _installed = new Interruption();
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>
    /// Gives a command that is writing what it keeps after the signal <paramref name="time"/> more
    /// before the process is ended (no effect when nothing was installed or no signal came yet):
    /// call it before a cheap but not instant write, never to keep working.
    /// </summary>
    public static void Postpone(TimeSpan time)
    {
        var installed = _installed;
        if (installed is null) return;
        lock (installed._gate)
        {
            if (installed._deadline is null) return;
            installed._deadlineAt += time;
            installed._deadline.Change(Remaining(installed._deadlineAt), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The process exit code for a command that returned <paramref name="code"/>: 130 or 143 once a signal came (unless the command failed).</summary>
    public int ExitCode(int code) => Signal is { } signal && code is CliErrors.Success or CliErrors.Interrupted ? CodeOf(signal) : code;

    /// <summary>128 + the signal number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int CodeOf(PosixSignal signal) => signal == PosixSignal.SIGTERM ? CliErrors.Terminated : CliErrors.Interrupted;

    private void OnSignal(PosixSignalContext context)
    {
        lock (_gate)
        {
            context.Cancel = true;
            if (++_signals > 1)
            {
                // Off the signal's thread: Environment.Exit there would wait on the thread it runs on.
                new Thread(() => Exit("stopped at once by a second signal")) { IsBackground = true }.Start();
                return;
            }
            Signal = context.Signal;
            _deadlineAt = DateTime.UtcNow + GracePeriod;
            _deadline = new Timer(_ => Exit($"not stopped {GracePeriod.TotalSeconds:0.#} s after the signal: ended without its final output (files already written are whole)"),
                null, GracePeriod, Timeout.InfiniteTimeSpan);
        }
        // The token's callbacks run on another thread, so that the signal's thread is free for a second signal.
        ThreadPool.UnsafeQueueUserWorkItem(_ => _cancel.Cancel(), null);
    }

    private void Exit(string why)
    {
        Console.Error.WriteLine($"interrupted: {why}");
        Environment.Exit(CodeOf(Signal ?? PosixSignal.SIGINT));
    }

    private static TimeSpan Remaining(DateTime at) => at > DateTime.UtcNow ? at - DateTime.UtcNow : TimeSpan.Zero;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _deadline?.Dispose();
        _cancel.Dispose();
        _installed = null;
    }
}
