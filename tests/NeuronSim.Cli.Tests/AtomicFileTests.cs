using System.Diagnostics;
using NeuronSim.Network.Storage;

namespace NeuronSim.Cli.Tests;

/// <summary>
/// AtomicFile never replaces what is not a file of ours: links are followed, devices and FIFOs are
/// written into, leftovers of killed writers are removed. Every special file is made inside a temp directory.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-atomic").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string At(string name) => Path.Combine(_directory, name);

    [Fact]
    public void A_symlink_is_kept_and_its_target_replaced()
    {
        File.WriteAllText(At("real.txt"), "old");
        File.CreateSymbolicLink(At("link.txt"), "real.txt");

        AtomicFile.WriteAllText(At("link.txt"), "new");

        Assert.Equal("real.txt", new FileInfo(At("link.txt")).LinkTarget);
        Assert.Equal("new", File.ReadAllText(At("real.txt")));
        Assert.Equal(["link.txt", "real.txt"], Names());
    }

    [Fact]
    public void A_chain_of_links_into_another_directory_replaces_the_final_target()
    {
        Directory.CreateDirectory(At("elsewhere"));
        File.WriteAllText(At("elsewhere/real.txt"), "old");
        File.CreateSymbolicLink(At("middle.txt"), "elsewhere/real.txt");
        File.CreateSymbolicLink(At("link.txt"), At("middle.txt"));

        AtomicFile.WriteAllText(At("link.txt"), "new");

        Assert.Equal("new", File.ReadAllText(At("elsewhere/real.txt")));
        Assert.NotNull(new FileInfo(At("link.txt")).LinkTarget);
        Assert.NotNull(new FileInfo(At("middle.txt")).LinkTarget);
        Assert.Equal(["real.txt"], Directory.GetFiles(At("elsewhere")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_dangling_link_gets_its_target_created()
    {
        File.CreateSymbolicLink(At("link.txt"), "target.txt");

        AtomicFile.WriteAllText(At("link.txt"), "new");

        Assert.Equal("new", File.ReadAllText(At("target.txt")));
        Assert.Equal("target.txt", new FileInfo(At("link.txt")).LinkTarget);
    }

    [Fact]
    public void A_link_loop_is_one_line_naming_the_file()
    {
        File.CreateSymbolicLink(At("a"), At("b"));
        File.CreateSymbolicLink(At("b"), At("a"));

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(At("a"), "x"));

        Assert.StartsWith($"cannot write {At("a")}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [RootFact]
    public void A_character_device_is_written_into_and_stays_a_device()
    {
        var device = At("null");
        Run("mknod", device, "c", "1", "3");

        AtomicFile.WriteAllText(device, "discarded");

        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device));
        Assert.Equal(["null"], Names());
    }

    [Fact]
    public void A_fifo_is_written_into_and_stays_a_fifo()
    {
        var fifo = At("pipe");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        AtomicFile.WriteAllText(fifo, "through the pipe");

        Assert.True(reader.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal("through the pipe", reader.Result);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    [Fact]
    public void A_directory_is_refused_with_the_reason()
    {
        Directory.CreateDirectory(At("frame.png"));

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(At("frame.png"), "x"));

        Assert.Equal($"cannot write {At("frame.png")}: it is a directory", error.Message);
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        File.WriteAllText(At("results.csv"), "old");
        File.SetUnixFileMode(At("results.csv"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        AtomicFile.WriteAllText(At("results.csv"), "new");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(At("results.csv")));
        Assert.Equal("new", File.ReadAllText(At("results.csv")));
    }

    [Fact]
    public void Temp_files_left_by_killed_writers_are_removed_and_nothing_else()
    {
        using var alive = Process.Start("sleep", "60");
        var leftovers = new[]
        {
            $".frame.png.neuronsim-{FinishedProcessId()}-0123456789abcdef0123456789abcdef.tmp", // its writer is gone
            $".old.csv.neuronsim-{Environment.ProcessId}-00000000000000000000000000000000.tmp", // our id, reused: we are not writing it
        };
        var kept = new[]
        {
            $".frame.png.neuronsim-{alive.Id}-fedcba9876543210fedcba9876543210.tmp", // a writer that still runs
            ".frame.png.someone-else.tmp", // not ours
            "notes.tmp",
        };
        foreach (var name in leftovers.Concat(kept)) File.WriteAllText(At(name), "partial");
        File.SetLastWriteTimeUtc(At(kept[0]), DateTime.UtcNow.AddSeconds(5));
        try
        {
            AtomicFile.WriteAllText(At("frame.png"), "whole");
        }
        finally
        {
            alive.Kill();
        }

        Assert.Equal(kept.Append("frame.png").Order(StringComparer.Ordinal), Names());
        Assert.All(leftovers, name => Assert.True(AtomicFile.IsTempFile(name)));
    }

    [TmpfsFact]
    public void A_full_disk_leaves_the_previous_file_whole_and_no_temp_file()
    {
        var mount = At("small");
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", mount);
        try
        {
            var path = Path.Combine(mount, "results.csv");
            File.WriteAllText(path, "previous");

            var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(path, new byte[256 * 1024]));

            Assert.Equal($"cannot write {path}: No space left on device", error.Message);
            Assert.Equal("previous", File.ReadAllText(path));
            Assert.Equal(["results.csv"], Directory.GetFiles(mount).Select(Path.GetFileName));
        }
        finally
        {
            Run("umount", mount);
        }
    }

    private string[] Names() => Directory.GetFileSystemEntries(_directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    private static int FinishedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    internal static void Run(string program, params string[] args)
    {
        var result = CliRunner.RunProcess(program, args, timeout: TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {result.Stderr.Trim()}");
    }
}

/// <summary>A fact that needs root (to make a device node), else is skipped with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> unless the tests run as root.</summary>
    public RootFactAttribute()
    {
        if (Environment.UserName != "root") Skip = "needs root to make a device node";
    }
}

/// <summary>A fact that needs to mount a tmpfs (root in a machine or container that allows it), else is skipped with the reason.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when a tmpfs cannot be mounted here.</summary>
    public TmpfsFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    private static string? Probe()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-tmpfs-probe").FullName;
        try
        {
            var mount = CliRunner.RunProcess("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", directory], timeout: TimeSpan.FromSeconds(30));
            if (mount.ExitCode != 0) return "cannot mount a tmpfs here (needs root and mount rights): " + mount.Stderr.Trim();
            CliRunner.RunProcess("umount", [directory], timeout: TimeSpan.FromSeconds(30));
            return null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return "cannot run mount: " + error.Message;
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
