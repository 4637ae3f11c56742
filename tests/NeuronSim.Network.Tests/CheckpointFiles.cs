using System.Buffers.Binary;
using System.Text;

namespace NeuronSim.Network.Tests;

/// <summary>Safetensors files built byte by byte, to feed the reader what NeuronSim's writer never would.</summary>
internal static class CheckpointFiles
{
    /// <summary>8-byte header length, <paramref name="header"/> padded with spaces to a multiple of 8, then <paramref name="data"/>.</summary>
    public static byte[] Raw(string header, byte[] data)
    {
        var text = Encoding.UTF8.GetBytes(header);
        var padded = (text.Length + 7) / 8 * 8;
        var bytes = new byte[8 + padded + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        text.CopyTo(bytes, 8);
        bytes.AsSpan(8 + text.Length, padded - text.Length).Fill((byte)' ');
        data.CopyTo(bytes, 8 + padded);
        return bytes;
    }

    /// <summary>The values as little-endian F64.</summary>
    public static byte[] Doubles(params double[] values)
    {
        var bytes = new byte[8 * values.Length];
        for (var k = 0; k < values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * k), values[k]);
        return bytes;
    }

    /// <summary>The values as little-endian F32.</summary>
    public static byte[] Floats(params float[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var k = 0; k < values.Length; k++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * k), values[k]);
        return bytes;
    }
}
