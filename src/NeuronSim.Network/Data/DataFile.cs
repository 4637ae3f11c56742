using System.Globalization;
using System.Text;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Storage;

namespace NeuronSim.Network.Data;

/// <summary>
/// A user's own data as CSV: one point per line, <c>x0,x1,label</c> (comma or semicolon, the
/// first non-blank line decides), an optional header line, labels 0 and 1, blank lines ignored,
/// a byte order mark accepted. Bounds come from the points.
/// </summary>
public static class DataFile
{
    /// <summary>The most bytes read from a file: 10^6 rows of three round-trip numbers need about 60 MB.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>The longest line read, in characters.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>
    /// The largest coordinate magnitude read: beyond it a point's square (the x0² features) or the plot's extent (max - min)
    /// is no longer a finite number, and the boundary would be drawn blank without a word.
    /// </summary>
    public const double MaxMagnitude = 1e150;

    /// <summary>The header <see cref="Write"/> puts first.</summary>
    public const string Header = "x0,x1,label";

    private static readonly string[] Columns = ["x0", "x1", "label"];

    /// <summary>
    /// Reads the data set in <paramref name="path"/>, named after the file. Checks that it is a
    /// regular file before opening it and reads at most <see cref="MaxBytes"/> bytes.
    /// </summary>
    /// <exception cref="DataFileException">The file is refused; the message is <c>file:line: reason</c> (or <c>file: reason</c>).</exception>
    public static DataSet Read(string path)
    {
        if (Storage.FileKinds.ReadRefusal(path, out var size) is { } refusal) throw new DataFileException(path, null, refusal);
        if (size > MaxBytes) throw new DataFileException(path, null, $"larger than {MaxBytes / (1024 * 1024)} MiB");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, Unreadable(error), error);
        }
        return Read(stream, path);
    }

    /// <summary>
    /// Reads a data set from <paramref name="stream"/> (closed afterwards), at most
    /// <see cref="MaxBytes"/> bytes of it; <paramref name="name"/> names the set and the errors.
    /// </summary>
    /// <exception cref="DataFileException">The data is refused; the message is <c>name:line: reason</c>.</exception>
    public static DataSet Read(Stream stream, string name)
    {
        using var reader = new CappedLineReader(stream, MaxBytes, MaxLineLength);
        try
        {
            return Parse(name, reader);
        }
        catch (InvalidDataException error)
        {
            throw new DataFileException(name, reader.LineNumber + 1, error.Message, error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(name, reader.LineNumber + 1, Unreadable(error), error);
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/> to <paramref name="path"/> atomically: the <see cref="Header"/>,
    /// then one line per point with round-trip numbers, so <see cref="Read(string)"/> gives back the same points.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written; the message names it.</exception>
    public static void Write(string path, DataSet data)
    {
        var text = new StringBuilder(Header.Length + 1 + 48 * data.Count);
        text.Append(Header).Append('\n');
        for (var i = 0; i < data.Count; i++)
        {
            text.Append(Numbers.RoundTrip(data.X0[i])).Append(',')
                .Append(Numbers.RoundTrip(data.X1[i])).Append(',')
                .Append(data.Labels[i] == 0 ? '0' : '1').Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static DataSet Parse(string path, CappedLineReader reader)
    {
        var x0 = new List<double>();
        var x1 = new List<double>();
        var labels = new List<double>();
        char? separator = null;
        var headerAllowed = true;
        var lastDataLine = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var number = reader.LineNumber;
            separator ??= line.Contains(';') ? ';' : ',';
            var fields = line.Split(separator.Value);
            if (headerAllowed && !IsNumber(fields[0]))
            {
                if (fields.Length != Columns.Length)
                {
                    throw new DataFileException(path, number, $"the header has {fields.Length} columns, expected 3 ({Header})");
                }
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            if (fields.Length < Columns.Length)
            {
                throw new DataFileException(path, number, $"missing column: {fields.Length} of 3 ({Header})");
            }
            if (fields.Length > Columns.Length)
            {
                throw new DataFileException(path, number, $"too many columns: {fields.Length}, expected 3 ({Header})");
            }
            if (x0.Count == DataSets.MaxPoints)
            {
                throw new DataFileException(path, number, $"more than {Numbers.Count(DataSets.MaxPoints)} rows");
            }
            var values = new double[Columns.Length];
            for (var c = 0; c < Columns.Length; c++)
            {
                if (Field(fields[c], Columns[c], separator.Value, out values[c]) is { } reason) throw new DataFileException(path, number, reason);
            }
            if (values[2] is not (0 or 1))
            {
                throw new DataFileException(path, number, $"label {fields[2].Trim()}: expected 0 or 1");
            }
            x0.Add(values[0]);
            x1.Add(values[1]);
            labels.Add(values[2] == 1 ? 1 : 0); // -0 reads as 0
            lastDataLine = number;
        }
        var end = Math.Max(reader.LineNumber, 1);
        if (x0.Count == 0) throw new DataFileException(path, end, $"no data rows (expected lines {Header})");
        var ones = labels.Count(l => l == 1);
        if (ones == 0 || ones == labels.Count)
        {
            throw new DataFileException(path, lastDataLine, $"every row has label {(ones == 0 ? 0 : 1)}; a data set needs both 0 and 1");
        }
        return new DataSet(Path.GetFileName(path), [.. x0], [.. x1], [.. labels]);
    }

    /// <summary>Null when <paramref name="text"/> is a finite number (in <paramref name="value"/>), else why not.</summary>
    private static string? Field(string text, string column, char separator, out double value)
    {
        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (trimmed.Length == 0) return $"{column} is empty";
            var hint = separator == ';' && trimmed.Contains(',') ? " (use a dot for decimals)" : "";
            return $"{column} is not a number: '{Shorten(trimmed)}'{hint}";
        }
        if (double.IsNaN(value)) return $"{column} is NaN";
        if (double.IsInfinity(value)) return $"{column} is infinite: '{Shorten(trimmed)}'";
        if (Math.Abs(value) > MaxMagnitude) return $"{column} is too large: '{Shorten(trimmed)}' (at most 1e150 either side of 0)";
        return null;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Unreadable(Exception error) => error switch
    {
        UnauthorizedAccessException => "cannot read: permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        _ => $"cannot read: {error.Message}",
    };
}
