using Spectre.Console;

namespace NeuronSim.Commands;

/// <summary>What the commands' output goes to.</summary>
public static class Terminal
{
    /// <summary>Whether standard output is a terminal that can show live progress (not redirected, not a dumb terminal).</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="width"/> - 1 characters (the last one an ellipsis) when longer:
    /// a live line that wraps in the terminal cannot be redrawn in place and leaves garbage behind, and a line
    /// exactly as wide as the terminal wraps on some terminals, hence the one spare column.
    /// </summary>
    public static string Fit(string text, int width)
    {
        var room = Math.Max(1, width - 1);
        return text.Length <= room ? text : text[..(room - 1)] + "…";
    }

    /// <summary>The room left on a live line of <paramref name="console"/> after <paramref name="reserved"/> columns of other columns (bar, percentage, time).</summary>
    public static int Room(IAnsiConsole console, int reserved) => Math.Max(8, console.Profile.Width - reserved);
}
