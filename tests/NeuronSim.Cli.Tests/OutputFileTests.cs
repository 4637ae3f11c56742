namespace NeuronSim.Cli.Tests;

/// <summary>Files that cannot be written give one clear line and exit 1, never a stack trace.</summary>
public class OutputFileTests
{
    [Fact]
    public void Snapshot_to_an_unwritable_place_says_which_file()
    {
        var result = CliRunner.Run("snapshot", "--epochs", "1", "--out", "/proc/neuronsim/frame.png");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot write /proc/neuronsim/frame.png", result.Stderr.Trim());
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Experiment_into_an_unwritable_place_says_which_directory_and_runs_nothing()
    {
        var result = CliRunner.Run("experiment", "baseline", "--max-epochs", "10", "--out", "/proc/neuronsim");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot create the output directory /proc/neuronsim", result.Stderr.Trim());
        Assert.DoesNotContain("start", result.Stdout);
    }

    [Fact]
    public void Snapshot_replaces_an_existing_file_whole_and_leaves_no_temporary_file()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-out").FullName;
        try
        {
            var path = Path.Combine(directory, "frame.png");
            File.WriteAllText(path, "old");
            var result = CliRunner.Run("snapshot", "--epochs", "5", "--out", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path).Take(4));
            Assert.Equal(["frame.png"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Out_dash_writes_the_png_to_standard_output_and_the_text_to_standard_error()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[CliRunner.DllPath, "snapshot", "--epochs", "1", "--out", "-"]) info.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var png = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(png);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.ToArray().Take(4));
        Assert.Contains("epoch 1:", stderr.Result);
    }

    [Fact]
    public void Snapshot_through_a_symlink_replaces_the_target_and_keeps_the_link()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-out").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "real.png"), "old");
            File.CreateSymbolicLink(Path.Combine(directory, "link.png"), "real.png");

            var result = CliRunner.Run("snapshot", "--epochs", "1", "--out", Path.Combine(directory, "link.png"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("real.png", new FileInfo(Path.Combine(directory, "link.png")).LinkTarget);
            Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(directory, "real.png"))[0]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TmpfsFact]
    public void Snapshot_onto_a_full_disk_is_one_line_exit_1_and_the_previous_file_stays()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-full").FullName;
        AtomicFileTests.Run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", directory);
        try
        {
            var path = Path.Combine(directory, "frame.png");
            File.WriteAllText(path, "previous");

            var result = CliRunner.Run("snapshot", "--epochs", "1", "--out", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"error: cannot write {path}: No space left on device", result.Stderr.TrimEnd());
            Assert.Equal("previous", File.ReadAllText(path));
            Assert.Equal(["frame.png"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            AtomicFileTests.Run("umount", directory);
            Directory.Delete(directory, recursive: true);
        }
    }
}
