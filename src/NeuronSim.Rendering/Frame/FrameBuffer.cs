using NeuronSim.Network.Storage;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The pixels of one frame: a BGRA8888 raster (bytes B, G, R, A in memory, which is SDL's
/// ARGB8888 on little-endian) with a Skia canvas over it. Resize it with the window; save it as PNG.
/// </summary>
public sealed class FrameBuffer : IDisposable
{
    private SKBitmap _bitmap;
    private SKCanvas _canvas;

    /// <summary>Creates a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public FrameBuffer(int width, int height)
    {
        (_bitmap, _canvas) = Allocate(width, height);
    }

    /// <summary>Width in pixels.</summary>
    public int Width => _bitmap.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => _bitmap.Height;

    /// <summary>Bytes from one row to the next.</summary>
    public int RowBytes => _bitmap.RowBytes;

    /// <summary>The canvas that draws into the pixels.</summary>
    public SKCanvas Canvas => _canvas;

    /// <summary>The pixels, row after row, B, G, R, A per pixel.</summary>
    public ReadOnlySpan<byte> Pixels => _bitmap.GetPixelSpan();

    /// <summary>The colour of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public SKColor GetPixel(int x, int y) => _bitmap.GetPixel(x, y);

    /// <summary>Reallocates the pixels when the size changed; returns whether it did.</summary>
    public bool Resize(int width, int height)
    {
        if (width == Width && height == Height) return false;
        _canvas.Dispose();
        _bitmap.Dispose();
        (_bitmap, _canvas) = Allocate(width, height);
        return true;
    }

    /// <summary>Writes the frame as a PNG file atomically (creating its directory), or to standard output for "-"; returns the full path.</summary>
    public string SavePng(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = path == AtomicFile.StandardOutput ? path : Path.GetFullPath(path);
        _canvas.Flush();
        using var image = SKImage.FromBitmap(_bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new IOException($"could not encode the frame as PNG for {full}");
        AtomicFile.WriteAllBytes(full, data.AsSpan());
        return full;
    }

    private static (SKBitmap, SKCanvas) Allocate(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        return (bitmap, new SKCanvas(bitmap));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _canvas.Dispose();
        _bitmap.Dispose();
    }
}
