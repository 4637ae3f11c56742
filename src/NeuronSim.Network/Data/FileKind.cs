using System.Runtime.InteropServices;

namespace NeuronSim.Network.Data;

/// <summary>
/// What a path names, found without opening it: opening a FIFO blocks until a writer comes,
/// and a device such as /dev/zero never ends, so a reader must know it has a regular file first.
/// </summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (symbolic links followed), else why it
    /// cannot be read as one ("no such file", "not a regular file (a directory)", ...).
    /// <paramref name="size"/> is the file's size in bytes when known (0 when not).
    /// </summary>
    public static string? Refusal(string path, out long size)
    {
        size = 0;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return FromStatx(path, out size);
            }
            catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
            {
                // Older C libraries without statx: fall back to what .NET can tell.
            }
        }
        if (Directory.Exists(path)) return "not a regular file (a directory)";
        var info = new FileInfo(path);
        if (!info.Exists) return "no such file";
        size = info.Length;
        return null;
    }

    private static string? FromStatx(string path, out long size)
    {
        size = 0;
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                2 or 20 => "no such file",
                13 => "cannot read: permission denied",
                var errno => $"cannot read: {Marshal.GetPInvokeErrorMessage(errno)}",
            };
        }
        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        size = BitConverter.ToInt64(buffer, SizeOffset);
        return mode switch
        {
            0x8000 => null,
            0x4000 => "not a regular file (a directory)",
            0x1000 => "not a regular file (a FIFO)",
            0x2000 => "not a regular file (a character device)",
            0x6000 => "not a regular file (a block device)",
            0xC000 => "not a regular file (a socket)",
            _ => "not a regular file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
}
