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
}
