using NeuronSim.Rendering.Frame;
using NeuronSim.Rendering.Recording;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

public sealed class GifRecorderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"neuronsim-gif-{Guid.NewGuid():N}.gif");

    public void Dispose() => File.Delete(_path);

    /// <summary>A w x h frame filled with <paramref name="fill"/> and a 10x10 square of <paramref name="square"/> at (x, y).</summary>
    private static FrameBuffer Frame(int w, int h, SKColor fill, SKColor square, int x, int y)
    {
        var frame = new FrameBuffer(w, h);
        frame.Canvas.Clear(fill);
        using var paint = new SKPaint { Color = square };
        frame.Canvas.DrawRect(x, y, 10, 10, paint);
        frame.Canvas.Flush();
        return frame;
    }

    private static readonly SKColor Red = new(0xE0, 0x3A, 0x3A), Blue = new(0x2F, 0x6F, 0xE0);

    private static void AssertNear(SKColor expected, Rgba32 actual, int tolerance = 2)
    {
        Assert.True(Math.Abs(expected.Red - actual.R) <= tolerance && Math.Abs(expected.Green - actual.G) <= tolerance
            && Math.Abs(expected.Blue - actual.B) <= tolerance && actual.A == 255, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void Frames_decode_with_their_size_delays_and_pixels_drawn_over_the_last_frame()
    {
        using (var recorder = new GifRecorder(64, 48))
        {
            using (var first = Frame(64, 48, Red, Blue, 5, 5)) recorder.AddFrame(first, 80);
            using (var second = Frame(64, 48, Red, Blue, 40, 30)) recorder.AddFrame(second, 80);
            using (var third = Frame(64, 48, Red, Blue, 40, 30)) recorder.AddFrame(third, 80);
            recorder.SetLastDelay(1000);
            Assert.Equal(_path, recorder.Save(_path));
            Assert.Equal(3, recorder.FrameCount);
            Assert.Equal(recorder.Length, new FileInfo(_path).Length);
        }

        using var gif = Image.Load<Rgba32>(_path);
        Assert.Equal((64, 48), (gif.Width, gif.Height));
        Assert.Equal(3, gif.Frames.Count);
        Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount);
        Assert.Equal([8, 8, 100], Enumerable.Range(0, 3).Select(i => gif.Frames[i].Metadata.GetGifMetadata().FrameDelay));
        // The second frame only holds what changed (the square moved); decoded, the old square is red again, the new one blue.
        AssertNear(Blue, gif.Frames[0][7, 7]);
        AssertNear(Red, gif.Frames[0][45, 35]);
        AssertNear(Red, gif.Frames[1][7, 7]);
        AssertNear(Blue, gif.Frames[1][45, 35]);
        AssertNear(Red, gif.Frames[2][7, 7]);
        AssertNear(Blue, gif.Frames[2][45, 35]);
        AssertNear(Red, gif.Frames[2][63, 0]);
    }

    [Fact]
    public void A_rendered_frame_survives_the_palette()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(500);
        using var frame = new FrameBuffer(640, 400);
        using (var renderer = new FrameRenderer()) renderer.Render(frame, simulation, ViewState.Snapshot);
        using (var recorder = new GifRecorder(640, 400))
        {
            recorder.AddFrame(frame, 100);
            recorder.Save(_path);
        }

        using var gif = Image.Load<Rgba32>(_path);
        long error = 0, exact = 0;
        for (var y = 0; y < 400; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                var want = frame.GetPixel(x, y);
                var got = gif[x, y];
                var difference = Math.Abs(want.Red - got.R) + Math.Abs(want.Green - got.G) + Math.Abs(want.Blue - got.B);
                error += difference;
                if (difference == 0) exact++;
            }
        }
        var pixels = 640 * 400;
        Assert.True(error / (double)pixels < 3, $"mean error {error / (double)pixels} per pixel (R+G+B)");
        Assert.True(exact > pixels / 2, $"only {exact} of {pixels} pixels exact");
    }

    [Fact]
    public void The_file_can_be_saved_again_with_more_frames()
    {
        using var recorder = new GifRecorder(32, 32);
        using var frame = Frame(32, 32, Red, Blue, 0, 0);
        recorder.AddFrame(frame, 50);
        recorder.Save(_path);
        using (var one = Image.Load<Rgba32>(_path)) Assert.Equal(1, one.Frames.Count);
        using var moved = Frame(32, 32, Red, Blue, 20, 20);
        recorder.AddFrame(moved, 50);
        recorder.Save(_path);
        using var two = Image.Load<Rgba32>(_path);
        Assert.Equal(2, two.Frames.Count);
        AssertNear(Blue, two.Frames[1][25, 25]);
    }

    [Fact]
    public void Bad_frames_and_delays_are_refused()
    {
        using var recorder = new GifRecorder(32, 32);
        Assert.Throws<InvalidOperationException>(() => recorder.Save(_path));
        Assert.Throws<InvalidOperationException>(() => recorder.SetLastDelay(100));
        using var wrong = new FrameBuffer(33, 32);
        Assert.Throws<ArgumentException>(() => recorder.AddFrame(wrong, 100));
        using var right = new FrameBuffer(32, 32);
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.AddFrame(right, GifRecorder.MinDelay - 1));
        Assert.Equal(0, recorder.FrameCount);
        Assert.False(File.Exists(_path));
    }

    [Fact]
    public void Memory_holds_the_compressed_frames_only()
    {
        // 200 frames of 640x400 pixels are 200 MB as pixels; compressed, a changing square costs a few hundred bytes each.
        using var recorder = new GifRecorder(640, 400);
        for (var i = 0; i < 200; i++)
        {
            using var frame = Frame(640, 400, Red, Blue, i * 3 % 600, i % 390);
            recorder.AddFrame(frame, 40);
        }
        Assert.True(recorder.Length < 200 * 1024, $"{recorder.Length} bytes");
    }

    [Fact]
    public void An_unchanged_frame_costs_almost_nothing()
    {
        using var recorder = new GifRecorder(640, 400);
        using var frame = Frame(640, 400, Red, Blue, 100, 100);
        frame.Canvas.DrawText("epoch 1000", 20, 200, new SKFont(SKTypeface.Default, 40), new SKPaint { Color = SKColors.White });
        recorder.AddFrame(frame, 40);
        var first = recorder.Length;
        recorder.AddFrame(frame, 40);
        // Every pixel is the transparent colour: a short run of LZW codes, not the frame again.
        Assert.True(recorder.Length - first < 1000, $"the second frame took {recorder.Length - first} bytes, the first {first}");
    }
}
