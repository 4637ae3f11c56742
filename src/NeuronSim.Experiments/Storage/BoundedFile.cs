using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NeuronSim.Experiments.Storage;

/// <summary>
/// Reads a small input file (a preset, a plan, a run file) without trusting it: a directory says
/// so, a FIFO or a device neither blocks nor is read forever (it is opened non-blocking and read
/// up to a size cap), and a file larger than the cap is refused.
/// </summary>
public static class BoundedFile
{
    private const int ReadOnly = 0, NonBlocking = 0x800, CloseOnExec = 0x80000;

    /// <summary>The text of <paramref name="path"/> (UTF-8).</summary>
    /// <exception cref="IOException">The file is missing, a directory, unreadable or larger than <paramref name="maxBytes"/>; the message says which (without the path).</exception>
    public static string ReadText(string path, int maxBytes)
    {
        // A FIFO or a device is refused before it is opened; the non-blocking open below guards the race.
        if (NeuronSim.Network.Storage.FileKinds.ReadRefusal(path, out _) is { } refusal) throw new IOException(refusal);
        using var stream = Open(path);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var content = new MemoryStream();
        while (content.Length <= maxBytes)
        {
            int read;
            try
            {
                read = stream.Read(buffer, 0, buffer.Length);
            }
            catch (IOException)
            {
                break; // a FIFO with a writer that has written nothing yet: there is nothing to read
            }
            if (read == 0) break;
            content.Write(buffer, 0, read);
        }
        if (content.Length > maxBytes) throw new IOException($"is larger than {Size(maxBytes)} (not a preset, plan or run file)");
        return Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
    }

    private static FileStream Open(string path)
    {
        if (!OperatingSystem.IsLinux()) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var fd = open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == 13 ? "permission denied" : $"cannot open it ({Marshal.GetPInvokeErrorMessage(errno)})");
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open(string path, int flags);
}
