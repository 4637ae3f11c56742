using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NeuronSim.Network.Storage;

/// <summary>
/// Writes files so a reader (or a Ctrl+C, or a full disk) never sees half a file, and never replaces
/// what is not a file of ours:
/// <list type="bullet">
/// <item>a regular file (or a new one) is written to a temp file beside it, flushed to disk, then renamed over it
/// (its permissions kept); on any failure the previous file stays as it was;</item>
/// <item>a symbolic link is followed: its final target is replaced that way, the link stays;</item>
/// <item>anything that is not a regular file (a device such as /dev/null, a FIFO) is written straight into, never replaced;</item>
/// <item><see cref="StandardOutput"/> ("-") writes to standard output;</item>
/// <item>temp files are named <c>.NAME.neuronsim-PID-RANDOM.tmp</c>; ones left by a process that was killed are removed
/// the next time a file is written in the same directory.</item>
/// </list>
/// </summary>
public static class AtomicFile
{
    /// <summary>The path that means standard output (<c>--out -</c>).</summary>
    public const string StandardOutput = "-";

    private const string TempMarker = ".neuronsim-";
    private const string TempExtension = ".tmp";
    private const int NameInTemp = 80;

    /// <summary>A temp file whose writer still runs is left alone unless it is older than this (a write takes far less).</summary>
    private static readonly TimeSpan StaleAge = TimeSpan.FromHours(1);

    private static readonly ConcurrentDictionary<string, bool> Swept = new();
    private static readonly ConcurrentDictionary<string, bool> Writing = new();

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (see the class summary for what each kind of path gets).</summary>
    /// <exception cref="IOException">The file cannot be written; the message names it and says why, on one line.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (path == StandardOutput)
        {
            WriteStandardOutput(bytes);
            return;
        }
        var full = Path.GetFullPath(path);
        try
        {
            // The kernel follows links (/dev/stdout's /proc magic link included) to say what is at the end of them.
            var kind = FileKinds.Of(full);
            if (kind == FileKind.Directory) throw new IOException("it is a directory");
            if (FileKinds.IsSpecial(kind)) WriteInto(full, bytes);
            else Replace(FinalTarget(full), bytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {full}: {OneLine(error.Message)}", error);
        }
    }

    /// <summary>Whether <paramref name="fileName"/> is a temp file of ours (a leftover if its writer is gone).</summary>
    public static bool IsTempFile(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TempExtension, StringComparison.Ordinal) && fileName.Contains(TempMarker, StringComparison.Ordinal);

    /// <summary>The final target of <paramref name="path"/> when it is a symbolic link (or a chain of them), else the path itself.</summary>
    private static string FinalTarget(string path) =>
        FileKinds.Of(path, followLinks: false) == FileKind.SymbolicLink && File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target
            ? Path.GetFullPath(target.FullName)
            : path;

    private static void WriteStandardOutput(ReadOnlySpan<byte> bytes)
    {
        Console.Out.Flush();
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(bytes);
        stdout.Flush();
    }

    /// <summary>Writes into a device or FIFO as it is (it cannot be replaced, and must not be).</summary>
    private static void WriteInto(string target, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Write(bytes);
    }

    private static void Replace(string target, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        RemoveLeftovers(directory);
        var name = Path.GetFileName(target);
        var temp = Path.Combine(directory, $".{(name.Length > NameInTemp ? name[..NameInTemp] : name)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}{TempExtension}");
        Writing[temp] = true;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows() && FileKinds.Of(target) == FileKind.Regular) File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (IOException error) when (error.Message.Contains(temp, StringComparison.Ordinal))
        {
            // .NET names the temp file ("No space left on device : '/dir/.x.neuronsim-1-abc.tmp'"); it is gone, so say why only.
            throw new IOException(error.Message.Replace($" : '{temp}'", "", StringComparison.Ordinal).Replace(temp, "a temp file", StringComparison.Ordinal), error);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            Writing.TryRemove(temp, out _);
        }
    }

    /// <summary>Removes temp files of ours in <paramref name="directory"/> whose writer is gone (once per directory and process).</summary>
    private static void RemoveLeftovers(string directory)
    {
        if (!Swept.TryAdd(directory, true)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*" + TempExtension))
            {
                if (IsTempFile(Path.GetFileName(file)) && IsLeftover(file)) File.Delete(file);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover that cannot be removed now is removed by a later run.
        }
    }

    /// <summary>A temp file is a leftover when the process named in it is gone, started after the file was last written (its id reused), or is us but not writing it.</summary>
    private static bool IsLeftover(string file)
    {
        var name = Path.GetFileName(file);
        var marker = name.LastIndexOf(TempMarker, StringComparison.Ordinal);
        var idText = name[(marker + TempMarker.Length)..].Split('-')[0];
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        var written = File.GetLastWriteTimeUtc(file);
        if (DateTime.UtcNow - written > StaleAge) return true;
        if (id == Environment.ProcessId) return !Writing.ContainsKey(file);
        try
        {
            using var process = Process.GetProcessById(id);
            return process.HasExited || process.StartTime.ToUniversalTime() > written;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
