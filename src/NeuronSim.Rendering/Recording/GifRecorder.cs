using System.Runtime.InteropServices;
using NeuronSim.Network.Storage;
using NeuronSim.Rendering.Frame;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace NeuronSim.Rendering.Recording;

/// <summary>
/// An animated GIF built frame by frame, looping forever. Each frame is quantized to its own
/// palette of at most 256 colours (no dithering: the frames are flat colours and smooth maps) and
/// compressed by ImageSharp's GIF encoder as soon as it is added, so memory holds only the
/// compressed animation (about the size of the file), never the frames' pixels.
/// </summary>
public sealed class GifRecorder : IDisposable
{
    /// <summary>The shortest frame delay, in milliseconds: browsers show faster GIF frames at 100 ms.</summary>
    public const int MinDelay = 20;

    /// <summary>The longest frame delay, in milliseconds (the GIF field holds 655 s; more is never meant).</summary>
    public const int MaxDelay = 60_000;

    private static readonly GifEncoder FrameEncoder = new()
    {
        ColorTableMode = GifColorTableMode.Local,
        Quantizer = new WuQuantizer(new QuantizerOptions { Dither = null, MaxColors = 256 }),
    };

    private readonly MemoryStream _gif = new();
    private readonly MemoryStream _scratch = new();
    private readonly Image<Rgba32> _pixels;
    private readonly uint[] _shown;
    private readonly uint[] _changes;
    private long _lastDelayAt = -1;

    /// <summary>Starts an animation of <paramref name="width"/> x <paramref name="height"/> pixels (1 to 65535 each).</summary>
    public GifRecorder(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        Width = width;
        Height = height;
        _pixels = new Image<Rgba32>(width, height);
        _shown = new uint[width * height];
        _changes = new uint[width * height];
        GifBlocks.WriteHeader(_gif, width, height);
    }

    /// <summary>Width of every frame, in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of every frame, in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames added so far.</summary>
    public int FrameCount { get; private set; }

    /// <summary>Bytes of the GIF as it stands (what <see cref="Save"/> writes).</summary>
    public long Length => _gif.Length + 1;

    /// <summary>Adds the pixels of <paramref name="frame"/>, shown for <paramref name="delayMs"/> milliseconds.</summary>
    public void AddFrame(FrameBuffer frame, int delayMs)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.Canvas.Flush();
        AddFrame(frame.Pixels, frame.Width, frame.Height, frame.RowBytes, delayMs);
    }

    /// <summary>
    /// Adds a frame of opaque BGRA pixels (B, G, R, A bytes; rows <paramref name="rowBytes"/> apart; alpha ignored), shown for
    /// <paramref name="delayMs"/> milliseconds (rounded to the GIF's hundredths of a second).
    /// </summary>
    public void AddFrame(ReadOnlySpan<byte> bgra, int width, int height, int rowBytes, int delayMs)
    {
        if (width != Width || height != Height) throw new ArgumentException($"the frame is {width}x{height}, the animation {Width}x{Height}");
        if (rowBytes < width * 4 || bgra.Length < (long)rowBytes * (height - 1) + width * 4) throw new ArgumentException("the pixels are fewer than the frame's size");
        CheckDelay(delayMs);
        // Pixels equal to the ones already shown are transparent: the frame is drawn over the last one ("do not dispose"),
        // so only what changed costs colours and bytes.
        var first = FrameCount == 0;
        for (var y = 0; y < height; y++)
        {
            var source = bgra.Slice(y * rowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                var rgba = Rgba(source[4 * x + 2], source[4 * x + 1], source[4 * x]);
                var index = y * width + x;
                _changes[index] = first || rgba != _shown[index] ? rgba : 0;
                _shown[index] = rgba;
            }
        }
        _pixels.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++) MemoryMarshal.Cast<uint, Rgba32>(_changes.AsSpan(y * Width, Width)).CopyTo(rows.GetRowSpan(y));
        });
        _scratch.SetLength(0);
        FrameEncoder.Encode(_pixels, _scratch);
        _lastDelayAt = GifBlocks.AppendFrame(_gif, _scratch.GetBuffer().AsSpan(0, (int)_scratch.Length), Centiseconds(delayMs));
        FrameCount++;
    }

    /// <summary>Shows the last frame added for <paramref name="delayMs"/> milliseconds instead (to hold the end of an animation).</summary>
    public void SetLastDelay(int delayMs)
    {
        if (_lastDelayAt < 0) throw new InvalidOperationException("no frame was added yet");
        CheckDelay(delayMs);
        var buffer = _gif.GetBuffer();
        var centiseconds = Centiseconds(delayMs);
        buffer[_lastDelayAt] = (byte)centiseconds;
        buffer[_lastDelayAt + 1] = (byte)(centiseconds >> 8);
    }

    /// <summary>
    /// Writes the animation as it stands to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>; "-" is standard
    /// output); returns the full path ("-" for standard output). More frames can be added and saved again.
    /// </summary>
    /// <exception cref="InvalidOperationException">No frame was added.</exception>
    /// <exception cref="IOException">The file cannot be written (the message names it).</exception>
    public string Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (FrameCount == 0) throw new InvalidOperationException("a GIF needs at least one frame");
        var full = path == AtomicFile.StandardOutput ? path : Path.GetFullPath(path);
        _gif.WriteByte(GifBlocks.Trailer);
        try
        {
            AtomicFile.WriteAllBytes(full, _gif.GetBuffer().AsSpan(0, (int)_gif.Length));
        }
        finally
        {
            _gif.SetLength(_gif.Length - 1);
        }
        return full;
    }

    private static void CheckDelay(int delayMs)
    {
        if (delayMs is < MinDelay or > MaxDelay)
            throw new ArgumentOutOfRangeException(nameof(delayMs), delayMs, $"a frame delay must be {MinDelay} to {MaxDelay} ms");
    }

    /// <summary>An opaque colour as the uint of an <see cref="Rgba32"/> (its bytes in memory: R, G, B, A).</summary>
    private static uint Rgba(byte r, byte g, byte b) => new Rgba32(r, g, b, 255).PackedValue;

    private static int Centiseconds(int delayMs) => (delayMs + 5) / 10;

    /// <inheritdoc />
    public void Dispose()
    {
        _pixels.Dispose();
        _gif.Dispose();
        _scratch.Dispose();
    }
}
