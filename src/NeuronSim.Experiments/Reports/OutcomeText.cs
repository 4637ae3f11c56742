using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The one place a run's outcome and a duration become words, for the terminal, the tables, the
/// figures and the report: "converged in 3938 epochs", "diverged at epoch 5", "did not converge in
/// 20000 epochs", "1 min 5 s". Numbers inside go through <see cref="Numbers"/>.
/// </summary>
public static class OutcomeText
{
    /// <summary>"converged", "diverged" or "did not converge".</summary>
    public static string Status(RunResult result) => result.Converged ? "converged" : result.Diverged ? "diverged" : "did not converge";

    /// <summary>"converged in N epochs", "diverged at epoch N" or "did not converge in N epochs".</summary>
    public static string Phrase(RunResult result) =>
        result.Converged ? $"converged in {Epochs(result.Epochs)} epochs"
        : result.Diverged ? $"diverged at epoch {Epochs(result.Epochs)}"
        : $"did not converge in {Epochs(result.Epochs)} epochs";

    /// <summary>"yes, at epoch N" or "no".</summary>
    public static string Diverged(RunResult result) => result.Diverged ? $"yes, at epoch {Epochs(result.Epochs)}" : "no";

    /// <summary>", loss flat since epoch N" for a run on a plateau (see <see cref="RunResult.PlateauSince"/>), else empty.</summary>
    public static string PlateauNote(RunResult result) => result.PlateauSince is { } since ? $", loss flat since epoch {Epochs(since)}" : "";

    /// <summary>A duration: "0.0421 s", "12.35 s", "2 min 5 s".</summary>
    public static string Duration(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds} s" : $"{Numbers.Compact(time.TotalSeconds)} s";

    /// <summary>An epoch count as the lab writes it (no separators: "3938").</summary>
    public static string Epochs(int epochs) => epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
