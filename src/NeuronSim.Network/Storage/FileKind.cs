using System.Runtime.InteropServices;

namespace NeuronSim.Network.Storage;

/// <summary>What a path names: nothing, a regular file, a directory, or something that is not a file to replace (device, FIFO, socket).</summary>
public enum FileKind
{
    /// <summary>Nothing is there (or the path cannot exist, for example a parent is a file).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A character device such as /dev/null or a terminal.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>Something is there but its kind could not be read (for example no permission).</summary>
    Unknown,
}

/// <summary>Reads the <see cref="FileKind"/> of a path: Linux statx (the same layout on every architecture), else what .NET can tell.</summary>
public static class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx: stx_mode (u16) after mask, blksize, attributes, nlink, uid, gid
    private const int NoEntry = 2; // ENOENT
    private const int NotDirectory = 20; // ENOTDIR

    private static bool _noStatx;

    /// <summary>The kind of <paramref name="path"/>; symbolic links are followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind Of(string path, bool followLinks = true)
    {
        if (!_noStatx && OperatingSystem.IsLinux())
        {
            try
            {
                return Statx(path, followLinks);
            }
            catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
            {
                _noStatx = true;
            }
        }
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (System.IO.Directory.Exists(path)) return FileKind.Directory;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as an input file, or null when it is a regular file
    /// (links followed): "no such file", "is a directory", "is a FIFO, not a regular file", ... Checked
    /// without opening it, since opening a FIFO blocks until a writer comes and a device such as
    /// /dev/zero never ends. <paramref name="size"/> is the file's size in bytes when it is readable.
    /// </summary>
    public static string? ReadRefusal(string path, out long size)
    {
        size = 0;
        var kind = Of(path);
        switch (kind)
        {
            case FileKind.Regular:
                try
                {
                    size = new FileInfo(path).Length;
                    return null;
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return "cannot be read: " + error.Message;
                }
            case FileKind.Missing: return "no such file";
            case FileKind.Directory: return "is a directory";
            case FileKind.Unknown: return "cannot be read (permission denied?)";
            default: return $"is {Article(kind)}, not a regular file";
        }
    }

    private static string Article(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a symbolic link",
    };

    /// <summary>Whether <paramref name="kind"/> is something a write must go straight into instead of replacing it.</summary>
    public static bool IsSpecial(FileKind kind) => kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket;

    private static unsafe FileKind Statx(string path, bool followLinks)
    {
        var buffer = stackalloc byte[256];
        if (statx(CurrentDirectory, path, followLinks ? 0 : NoFollow, TypeField, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoEntry or NotDirectory ? FileKind.Missing : FileKind.Unknown;
        }
        var mode = *(ushort*)(buffer + ModeOffset);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);
}
