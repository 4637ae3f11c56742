using System.Text.RegularExpressions;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

/// <summary>Issue 14's numeric extremes in data files: coordinates at the limit train and draw, beyond it they are refused with file:line.</summary>
public sealed class NumericExtremeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-extremes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Coordinates_at_the_limit_train_and_draw_with_squares_and_products()
    {
        var csv = Path.Combine(_directory, "edge.csv");
        File.WriteAllText(csv, "x0,x1,label\n1e150,0,0\n-1e150,1,1\n0,4.9e-324,0\n1,-4.9e-324,1\n1,1,1\n");
        var png = Path.Combine(_directory, "edge.png");

        var train = CliRunner.Run("train", "--data", csv, "--features", "x0,x1,x0sq,x1sq,x0x1,sinx0", "--epochs", "20", "--log-every", "0");
        var snapshot = CliRunner.Run("snapshot", "--data", csv, "--features", "x0,x1,x0sq,x0x1", "--epochs", "5", "--out", png);

        Assert.True(train.ExitCode is 0 or 1, train.Stderr); // 1 only as a named divergence
        if (train.ExitCode == 1) Assert.Matches("^error: the loss became .* at epoch \\d+: training diverged", train.Stderr);
        else Assert.Matches(@"(?m)^Test loss:      \d", train.Stdout);
        Assert.Equal(0, snapshot.ExitCode);
        Assert.Matches(@"(?m)^epoch 5: loss 0\.\d+", snapshot.Stdout);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1280, bitmap.Width);
    }

    [Theory]
    [InlineData("1e308", "x0 is too large: '1e308'")]
    [InlineData("-1.7976931348623157e308", "x0 is too large")]
    [InlineData("1e309", "x0 is infinite: '1e309'")]
    [InlineData("NaN", "x0 is NaN")]
    public void Coordinates_beyond_the_limit_are_refused_with_file_and_line(string value, string reason)
    {
        var csv = Path.Combine(_directory, "far.csv");
        File.WriteAllText(csv, $"x0,x1,label\n0,0,0\n{value},1,1\n");
        foreach (var command in new[] { "train", "snapshot", "record" })
        {
            string[] output = command == "train" ? [] : ["--out", Path.Combine(_directory, "never.png")];
            var result = CliRunner.Run([command, "--data", csv, .. output]);
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Stderr.Trim().Split('\n'));
            Assert.Matches($"^error: .*far\\.csv:3: {Regex.Escape(reason)}", line);
        }
    }
}
