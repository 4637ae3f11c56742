namespace NeuronSim.Cli.Tests;

/// <summary>Runs a bash script inside its own Xvfb display (1280x800x24), for tests that drive a real window.</summary>
public static class XvfbRunner
{
    /// <summary>The xunit collection of the window tests, so they never run at the same time.</summary>
    public const string Collection = "Xvfb window";

    /// <summary>Bash lines that start <c>neuronsim ARGS</c> in the background as $app, then wait until its window shows and put its id in $wid.</summary>
    public static string StartWatch(string args) => $"""
        dotnet "{CliRunner.DllPath}" {args} &
        app=$!
        for i in $(seq 150); do
          wid=$(xdotool search --onlyvisible --name NeuronSim 2>/dev/null | head -1)
          [ -n "$wid" ] && break
          kill -0 $app 2>/dev/null || break
          sleep 0.2
        done
        sleep 0.5

        """;

    /// <summary>
    /// Runs <paramref name="script"/> under <c>xvfb-run -a</c>; fails the test if it does not end within <paramref name="timeout"/>.
    /// The X authority file is ours (<c>-f</c>): left to itself, xvfb-run makes a temporary directory for it and now and
    /// then fails to remove it at exit ("problem while cleaning up temporary directory", exit 5) after the script succeeded.
    /// A run where the app could not reach the display xvfb-run had just started (a fresh-clone CI run saw it
    /// once, in one of some 60 window tests: "the X display DISPLAY=:104 cannot be reached") is run once more on a new server.
    /// </summary>
    public static CliResult Run(string script, TimeSpan timeout)
    {
        var result = RunOnce(script, timeout);
        return result.Stderr.Contains("cannot open a window: the X display") ? RunOnce(script, timeout) : result;
    }

    private static CliResult RunOnce(string script, TimeSpan timeout)
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-xvfb-").FullName;
        try
        {
            return CliRunner.RunProcess("xvfb-run", ["-a", "-f", Path.Combine(directory, "Xauthority"), "-s", "-screen 0 1280x800x24", "bash", "-c", script], timeout: timeout);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
