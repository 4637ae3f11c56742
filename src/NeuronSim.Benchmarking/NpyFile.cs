using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NeuronSim.Network.Storage;

namespace NeuronSim.Benchmarking;

/// <summary>
/// Writes float64 arrays in numpy's .npy format (version 1.0, little-endian, C order), so a
/// Python peer reads exactly the doubles NeuronSim starts from.
/// </summary>
public static class NpyFile
{
    /// <summary>Writes <paramref name="values"/> (row-major) with shape <paramref name="rows"/> x <paramref name="columns"/>.</summary>
    public static void Write(string path, ReadOnlySpan<double> values, int rows, int columns)
    {
        if ((long)rows * columns != values.Length) throw new ArgumentException($"{values.Length} values do not fill a {rows} x {columns} array");
        AtomicFile.WriteAllBytes(path, Encode(values, rows, columns));
    }

    /// <summary>The bytes of the .npy file.</summary>
    public static byte[] Encode(ReadOnlySpan<double> values, int rows, int columns)
    {
        var dictionary = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows}, {columns}), }}");
        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64 and ended by '\n'.
        var headerLength = (10 + dictionary.Length + 1 + 63) / 64 * 64 - 10;
        var header = dictionary.PadRight(headerLength - 1) + "\n";
        var bytes = new byte[10 + headerLength + values.Length * sizeof(double)];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        (bytes[6], bytes[7]) = (1, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, 10);
        for (var k = 0; k < values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(10 + headerLength + k * 8), values[k]);
        return bytes;
    }
}
