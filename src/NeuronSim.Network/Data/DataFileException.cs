using System.Globalization;

namespace NeuronSim.Network.Data;

/// <summary>
/// A data file was refused. <see cref="Exception.Message"/> is exactly one line,
/// <c>file:line: reason</c>, or <c>file: reason</c> when the file could not be opened at all
/// (missing, not a regular file, unreadable, too large) and so has no line to point at.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Refuses <paramref name="file"/> at <paramref name="line"/> (1-based; null: the whole file) for <paramref name="reason"/>.</summary>
    public DataFileException(string file, int? line, string reason, Exception? inner = null)
        : base(Describe(file, line, reason), inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file as it was named.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault, or null when the file could not be read at all.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }

    private static string Describe(string file, int? line, string reason)
    {
        var text = line is { } l ? $"{file}:{l.ToString(CultureInfo.InvariantCulture)}: {reason}" : $"{file}: {reason}";
        return text.ReplaceLineEndings(" ");
    }
}
