using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Text.Json;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// Reads a safetensors file and checks everything before using it: the header length against the
/// file, the header as a JSON object, each tensor's dtype (F64, or F32 widened exactly to F64),
/// shape and byte range, the ranges against each other (contiguous, no overlap, no gap, nothing
/// after the last) and every value (finite). Anything wrong is a <see cref="CheckpointException"/>
/// naming the file and the reason.
/// </summary>
public static class SafeTensorsReader
{
    /// <summary>Reads the file at <paramref name="path"/>; never opens a directory, a FIFO or a device (no hang).</summary>
    /// <exception cref="CheckpointException">The file is missing, unreadable or not a valid safetensors file.</exception>
    public static TensorSet Read(string path)
    {
        if (Storage.FileKinds.ReadRefusal(path, out var size) is { } refusal) throw new CheckpointException(path, refusal);
        if (size == 0) throw new CheckpointException(path, "is empty (0 bytes)");
        if (size > Array.MaxLength) throw new CheckpointException(path, $"is too large for a checkpoint ({Numbers.Count(size)} bytes)");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"cannot be read: {error.Message}", error);
        }
        return Decode(bytes, path);
    }

    /// <summary>Reads safetensors <paramref name="bytes"/>; <paramref name="source"/> names them in error messages.</summary>
    /// <exception cref="CheckpointException">The bytes are not a valid safetensors file NeuronSim can read.</exception>
    public static TensorSet Decode(ReadOnlySpan<byte> bytes, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, reason);

        if (bytes.Length < SafeTensorsFormat.LengthPrefixBytes)
        {
            Fail($"truncated: {bytes.Length} bytes, less than the 8-byte header length a safetensors file starts with");
        }
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > SafeTensorsFormat.MaxHeaderBytes)
        {
            var size = headerLength <= long.MaxValue ? $" {Numbers.Count((long)headerLength)} bytes" : "";
            Fail($"header length{size} is over the 100 MB limit: not a safetensors file");
        }
        var available = bytes.Length - SafeTensorsFormat.LengthPrefixBytes;
        if ((long)headerLength > available)
        {
            Fail($"header length {Numbers.Count((long)headerLength)} bytes runs past the end of the file ({Numbers.Count(bytes.Length)} bytes): truncated or not a safetensors file");
        }
        var header = bytes.Slice(SafeTensorsFormat.LengthPrefixBytes, (int)headerLength);
        var buffer = bytes[(SafeTensorsFormat.LengthPrefixBytes + (int)headerLength)..];
        var entries = SafeTensorsHeader.Parse(header, source);
        return new TensorSet(ReadTensors(entries.Tensors, buffer, source), entries.Metadata);
    }

    private static List<NamedTensor> ReadTensors(List<SafeTensorsHeader.Entry> entries, ReadOnlySpan<byte> buffer, string source)
    {
        foreach (var entry in entries)
        {
            if (entry.End > buffer.Length)
            {
                throw new CheckpointException(source,
                    $"tensor '{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] run past the end of the data ({Numbers.Count(buffer.Length)} bytes): truncated");
            }
        }
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        SafeTensorsHeader.Entry? previous = null;
        foreach (var entry in entries)
        {
            if (entry.Begin < expected)
            {
                throw new CheckpointException(source, $"tensors '{previous!.Name}' and '{entry.Name}' overlap (data_offsets [{previous.Begin}, {previous.End}] and [{entry.Begin}, {entry.End}])");
            }
            if (entry.Begin > expected)
            {
                throw new CheckpointException(source, $"a gap of {Numbers.Count(entry.Begin - expected)} bytes before tensor '{entry.Name}': the tensors' data must be contiguous");
            }
            expected = entry.End;
            previous = entry;
        }
        if (expected != buffer.Length)
        {
            throw new CheckpointException(source, $"{Numbers.Count(buffer.Length - expected)} bytes after the last tensor's data: the header does not describe the whole file");
        }
        var tensors = new List<NamedTensor>(entries.Count);
        foreach (var entry in entries) tensors.Add(Values(entry, buffer, source));
        return tensors;
    }

    private static NamedTensor Values(SafeTensorsHeader.Entry entry, ReadOnlySpan<byte> buffer, string source)
    {
        var data = buffer[(int)entry.Begin..(int)entry.End];
        var size = SafeTensorsFormat.ElementBytes(entry.Dtype);
        var values = new double[data.Length / size];
        for (var k = 0; k < values.Length; k++)
        {
            var slot = data.Slice(k * size, size);
            values[k] = size == 8 ? BinaryPrimitives.ReadDoubleLittleEndian(slot) : BinaryPrimitives.ReadSingleLittleEndian(slot);
            if (!double.IsFinite(values[k]))
            {
                throw new CheckpointException(source, $"tensor '{entry.Name}' holds {NamedTensor.ValueText(values[k])} at {NamedTensor.IndexText(entry.Shape, k)}: weights must be finite numbers");
            }
        }
        return new NamedTensor(entry.Name, entry.Shape, values);
    }
}
