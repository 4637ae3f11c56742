using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeuronSim.Network.Storage;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// Writes a <see cref="TensorSet"/> as safetensors, every tensor as F64. The bytes depend only on
/// the tensors (in the given order) and the metadata (in ordinal key order), so saving the same
/// network twice gives the same file.
/// </summary>
public static class SafeTensorsWriter
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="set"/> to <paramref name="path"/> atomically (<see cref="AtomicFile"/>).</summary>
    /// <exception cref="ArgumentException">A name is empty, repeated or reserved, or a value is NaN or infinite.</exception>
    /// <exception cref="IOException">The file cannot be written; the previous file, if any, is left as it was.</exception>
    public static void Write(string path, TensorSet set) => AtomicFile.WriteAllBytes(path, Encode(set));

    /// <summary>The file's bytes for <paramref name="set"/>.</summary>
    /// <exception cref="ArgumentException">A name is empty, repeated or reserved, or a value is NaN or infinite.</exception>
    public static byte[] Encode(TensorSet set)
    {
        Check(set);
        var header = Header(set);
        var dataBytes = set.Tensors.Sum(t => (long)t.Values.Length * sizeof(double));
        var padded = (header.Length + SafeTensorsFormat.Alignment - 1) / SafeTensorsFormat.Alignment * SafeTensorsFormat.Alignment;
        var bytes = new byte[SafeTensorsFormat.LengthPrefixBytes + padded + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, SafeTensorsFormat.LengthPrefixBytes);
        bytes.AsSpan(SafeTensorsFormat.LengthPrefixBytes + header.Length, padded - header.Length).Fill((byte)' ');
        var at = SafeTensorsFormat.LengthPrefixBytes + padded;
        foreach (var tensor in set.Tensors)
        {
            foreach (var value in tensor.Values)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), value);
                at += sizeof(double);
            }
        }
        return bytes;
    }

    private static byte[] Header(TensorSet set)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            if (set.Metadata.Count > 0)
            {
                json.WriteStartObject(SafeTensorsFormat.MetadataKey);
                foreach (var (key, value) in set.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var tensor in set.Tensors)
            {
                var end = offset + (long)tensor.Values.Length * sizeof(double);
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", SafeTensorsFormat.Float64);
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Check(TensorSet set)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in set.Tensors)
        {
            if (tensor.Name == SafeTensorsFormat.MetadataKey) throw new ArgumentException($"'{SafeTensorsFormat.MetadataKey}' cannot name a tensor");
            if (!names.Add(tensor.Name)) throw new ArgumentException($"two tensors are called '{tensor.Name}'");
            var bad = Array.FindIndex(tensor.Values, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                throw new ArgumentException(
                    $"tensor '{tensor.Name}' holds {NamedTensor.ValueText(tensor.Values[bad])} at {NamedTensor.IndexText(tensor.Shape, bad)}: a checkpoint holds finite numbers only");
            }
        }
    }
}
