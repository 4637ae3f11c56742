namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// A checkpoint file that cannot be read: its <see cref="Exception.Message"/> is one line,
/// "FILE: REASON" (truncated, not JSON, a wrong shape, a NaN weight, ...), fit to show as it is.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Refuses <paramref name="file"/> for <paramref name="reason"/>.</summary>
    public CheckpointException(string file, string reason, Exception? inner = null)
        : base($"{file}: {OneLine(reason)}", inner)
    {
        File = file;
        Reason = OneLine(reason);
    }

    /// <summary>The file (as the user named it) or the source that was being read.</summary>
    public string File { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Reason { get; }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
