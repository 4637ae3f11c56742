namespace NeuronSim.Rendering.Recording;

/// <summary>
/// The blocks of a GIF89a file that <see cref="GifRecorder"/> joins: its own header (screen size,
/// no global palette, loop forever), then per frame a graphic control block (delay) and the image
/// that ImageSharp encoded as a one-frame GIF, its palette moved to the frame as a local one and
/// its transparent colour (the pixels that did not change) kept.
/// </summary>
internal static class GifBlocks
{
    /// <summary>The byte that ends a GIF.</summary>
    public const byte Trailer = 0x3B;

    private const byte ExtensionIntroducer = 0x21, GraphicControlLabel = 0xF9, ApplicationLabel = 0xFF, ImageSeparator = 0x2C;
    private const byte TableFlag = 0x80, TableSizeBits = 0x07, InterlaceFlag = 0x40;

    /// <summary>Graphic control: disposal "do not dispose" (the next frame draws over this one), and "has a transparent colour".</summary>
    private const byte DoNotDispose = 1 << 2, TransparentFlag = 0x01;

    /// <summary>Writes "GIF89a", the logical screen (no global palette) and the NETSCAPE2.0 block that loops forever.</summary>
    public static void WriteHeader(Stream gif, int width, int height)
    {
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.Write([0x70, 0, 0]); // 8-bit colour resolution, no global palette; background 0; square pixels
        gif.Write([ExtensionIntroducer, ApplicationLabel, 11]);
        gif.Write("NETSCAPE2.0"u8);
        gif.Write([3, 1, 0, 0, 0]); // sub-block: loop count 0 = forever; terminator
    }

    /// <summary>
    /// Appends to <paramref name="gif"/> the first image of the one-frame GIF <paramref name="single"/> with a delay of
    /// <paramref name="centiseconds"/>, drawn over the frames before it (disposal "do not dispose", its transparent pixels show them);
    /// returns where the delay is stored.
    /// </summary>
    /// <exception cref="InvalidDataException"><paramref name="single"/> is not a GIF with an image.</exception>
    public static long AppendFrame(Stream gif, ReadOnlySpan<byte> single, int centiseconds)
    {
        if (single.Length < 13 || !single[..3].SequenceEqual("GIF"u8)) throw new InvalidDataException("the encoder did not write a GIF");
        var screen = single[10];
        var position = 13;
        var globalTable = ReadOnlySpan<byte>.Empty;
        if ((screen & TableFlag) != 0)
        {
            globalTable = single.Slice(position, TableBytes(screen));
            position += globalTable.Length;
        }
        byte transparency = 0, transparentIndex = 0;
        while (position + 1 < single.Length && single[position] == ExtensionIntroducer)
        {
            if (single[position + 1] == GraphicControlLabel && position + 7 < single.Length)
                (transparency, transparentIndex) = ((byte)(single[position + 3] & TransparentFlag), single[position + 6]);
            position = SkipSubBlocks(single, position + 2);
        }
        if (position + 10 > single.Length || single[position] != ImageSeparator) throw new InvalidDataException("the encoder's GIF has no image");

        var descriptor = single.Slice(position, 10);
        position += 10;
        var packed = descriptor[9];
        var table = globalTable;
        if ((packed & TableFlag) != 0)
        {
            table = single.Slice(position, TableBytes(packed));
            position += table.Length;
        }
        if (table.IsEmpty) throw new InvalidDataException("the encoder's GIF has no palette");
        var data = single[position..SkipSubBlocks(single, position + 1)];

        gif.Write([ExtensionIntroducer, GraphicControlLabel, 4, (byte)(DoNotDispose | transparency)]);
        var delayAt = gif.Position;
        WriteUInt16(gif, centiseconds);
        gif.Write([transparentIndex, 0]);
        gif.Write(descriptor[..9]);
        gif.WriteByte((byte)(TableFlag | (packed & InterlaceFlag) | TableSizeBitsFor(table.Length)));
        gif.Write(table);
        gif.Write(data);
        return delayAt;
    }

    /// <summary>Bytes of the palette a packed field announces: 3 x 2^(n+1).</summary>
    private static int TableBytes(byte packed) => 3 << ((packed & TableSizeBits) + 1);

    private static int TableSizeBitsFor(int tableBytes) => System.Numerics.BitOperations.Log2((uint)(tableBytes / 3)) - 1;

    /// <summary>The position after the sub-blocks (length-prefixed, ended by a zero length) that start at <paramref name="position"/>.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int position)
    {
        while (position < gif.Length && gif[position] != 0) position += gif[position] + 1;
        if (position >= gif.Length) throw new InvalidDataException("the encoder's GIF ends inside a block");
        return position + 1;
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)value);
        stream.WriteByte((byte)(value >> 8));
    }
}
