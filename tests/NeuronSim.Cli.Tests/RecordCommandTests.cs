using System.Text.RegularExpressions;
using NeuronSim.Rendering.Frame;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace NeuronSim.Cli.Tests;

public sealed class RecordCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-record-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Gif => Path.Combine(_directory, "learn.gif");

    /// <summary>Pixels of <paramref name="frame"/> inside <paramref name="area"/> that <paramref name="family"/> accepts.</summary>
    private static int Count(ImageFrame<Rgba32> frame, SKRect area, Func<Rgba32, bool> family)
    {
        var count = 0;
        for (var y = (int)area.Top; y < (int)area.Bottom; y++)
        {
            for (var x = (int)area.Left; x < (int)area.Right; x++)
            {
                if (family(frame[x, y])) count++;
            }
        }
        return count;
    }

    /// <summary>The loss curve's yellow (Palette.Accent, #FFD14D).</summary>
    private static bool Yellow(Rgba32 c) => c.R > 180 && c.G is > 140 and < 235 && c.B < 130; // anti-aliased at small sizes: #C7A544 at 480x300

    /// <summary>An edge of positive weight (Palette.Positive, #F59E2A).</summary>
    private static bool Orange(Rgba32 c) => c.R > 200 && c.G is > 120 and < 180 && c.B < 90;

    /// <summary>An edge of negative weight (Palette.Negative, #3CB4F0).</summary>
    private static bool SkyBlue(Rgba32 c) => c.R < 110 && c.G is > 150 and < 210 && c.B > 200;

    [Fact]
    public void Record_writes_a_gif_of_20_frames_that_decodes_and_shows_learning()
    {
        var result = CliRunner.Run("record", "--every", "50", "--frames", "20", "--width", "480", "--height", "300", "--out", Gif);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Matches($@"(?m)^wrote {Regex.Escape(Gif)}: 20 frames to epoch 950, [\d.]+ KB, [\d.]+ s$", result.Stdout);
        using var gif = Image.Load<Rgba32>(Gif);
        Assert.Equal((480, 300), (gif.Width, gif.Height));
        Assert.Equal(20, gif.Frames.Count);
        Assert.Equal(8, gif.Frames[0].Metadata.GetGifMetadata().FrameDelay);
        Assert.True(gif.Frames[19].Metadata.GetGifMetadata().FrameDelay > 8, "the last frame is held");

        var layout = FrameLayout.For(480, 300);
        var first = gif.Frames[0];
        var last = gif.Frames[19];
        // Epoch 0 has no loss curve yet; epoch 950 has one, in the accent yellow.
        Assert.Equal(0, Count(first, layout.Pixels(layout.Loss), Yellow));
        Assert.True(Count(last, layout.Pixels(layout.Loss), Yellow) > 50, "no loss curve in the last frame");
        // The graph draws edges in orange (w > 0) and sky blue (w < 0) from the first frame on, thicker as weights grow.
        Assert.True(Count(first, layout.Pixels(layout.Graph), Orange) > 50 && Count(first, layout.Pixels(layout.Graph), SkyBlue) > 20, "no edges in the first frame");
        Assert.True(Count(last, layout.Pixels(layout.Graph), Orange) + Count(last, layout.Pixels(layout.Graph), SkyBlue)
            > Count(first, layout.Pixels(layout.Graph), Orange) + Count(first, layout.Pixels(layout.Graph), SkyBlue), "the edges did not grow");
        // Every frame differs from the one before (the HUD's epoch at least).
        for (var i = 1; i < 20; i++)
        {
            Assert.True(Count(gif.Frames[i], new SKRect(0, 0, 480, 300), _ => true) > 0);
            Assert.NotEqual(Pixels(gif.Frames[i - 1]), Pixels(gif.Frames[i]));
        }
    }

    private static string Pixels(ImageFrame<Rgba32> frame)
    {
        var bytes = new byte[frame.Width * frame.Height * 4];
        frame.CopyPixelDataTo(bytes);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    [Fact]
    public void Record_stops_with_training_and_says_so()
    {
        // xor with the defaults converges at epoch 2653: frames 0, 50, ..., 2650 and the converged one.
        var result = CliRunner.Run("record", "--every", "50", "--frames", "200", "--width", "320", "--height", "200", "--out", Gif);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": 55 frames to epoch 2,653, ", result.Stdout);
        Assert.Contains("stopped early: converged at epoch 2,653", result.Stdout);
        using var gif = Image.Load<Rgba32>(Gif);
        Assert.Equal(55, gif.Frames.Count);
    }

    [Fact]
    public void Ctrl_C_keeps_a_valid_gif_of_the_frames_so_far()
    {
        // The signal comes once 10% of the frames are written (warm, whatever the machine's load), long before the end.
        var result = CliRunner.RunAndSignal(
            ["record", "--every", "100", "--frames", "1000", "--target-loss", "0", "--width", "320", "--height", "200", "--out", Gif], "INT",
            line => line.StartsWith("10%", StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(120));

        Assert.Equal(130, result.ExitCode);
        var wrote = Regex.Match(result.Stdout, @"(?m)^wrote .*: (\d+) frames to epoch ([\d,]+), .*, interrupted at epoch [\d,]+$");
        Assert.True(wrote.Success, result.Stdout);
        var frames = int.Parse(wrote.Groups[1].Value);
        Assert.InRange(frames, 100, 999);
        using var gif = Image.Load<Rgba32>(Gif);
        Assert.Equal(frames, gif.Frames.Count);
        Assert.Equal((320, 200), (gif.Width, gif.Height));
    }

    [Theory]
    [InlineData("--frames", "0")]
    [InlineData("--frames", "2001")]
    [InlineData("--frames", "many")]
    [InlineData("--every", "0")]
    [InlineData("--width", "100")]
    [InlineData("--height", "5000")]
    [InlineData("--delay", "5")]
    public void Bad_options_are_named_on_one_line_with_exit_code_2(string option, string value)
    {
        var result = CliRunner.Run("record", option, value, "--out", Gif);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains(option, line);
        Assert.False(File.Exists(Gif));
    }

    [Fact]
    public void An_unwritable_out_is_one_line_and_exit_code_1_before_training()
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "x");
        foreach (var path in new[] { Path.Combine(file, "learn.gif"), _directory })
        {
            var result = CliRunner.Run("record", "--out", path);

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Stderr.Trim().Split('\n'));
            Assert.StartsWith($"error: cannot write {path}", line);
            Assert.Equal("", result.Stdout);
        }
    }
}
