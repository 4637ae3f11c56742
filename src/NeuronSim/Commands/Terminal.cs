using Spectre.Console;

namespace NeuronSim.Commands;

/// <summary>What the commands' output goes to.</summary>
public static class Terminal
{
    /// <summary>Whether standard output is a terminal that can show live progress (not redirected, not a dumb terminal).</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
