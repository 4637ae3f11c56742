using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace NeuronSim.Network.Checkpoints;

/// <summary>The JSON header of a safetensors file, checked entry by entry (each tensor's dtype, shape and byte range; the metadata's strings).</summary>
internal static class SafeTensorsHeader
{
    /// <summary>One tensor as the header describes it; offsets relative to the data buffer.</summary>
    public sealed record Entry(string Name, string Dtype, int[] Shape, long Begin, long End);

    /// <summary>Parses the header's bytes; <paramref name="source"/> names the file in errors.</summary>
    public static (List<Entry> Tensors, Dictionary<string, string> Metadata) Parse(ReadOnlySpan<byte> header, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, reason);

        if (header.Length == 0 || header[0] != (byte)'{') Fail("the header is not a JSON object (it must start with '{')");
        if (!Utf8.IsValid(header)) Fail("the header is not UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            throw new CheckpointException(source, $"the header is not JSON: {error.Message}", error);
        }
        using (document)
        {
            var tensors = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name)) Fail($"the header names '{property.Name}' twice");
                if (property.Name == SafeTensorsFormat.MetadataKey) ReadMetadata(property.Value, metadata, source);
                else tensors.Add(ReadEntry(property.Name, property.Value, source));
            }
            return (tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new CheckpointException(source, $"{SafeTensorsFormat.MetadataKey} is a {element.ValueKind}, not an object of strings");
        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw new CheckpointException(source, $"{SafeTensorsFormat.MetadataKey} '{entry.Name}' is a {entry.Value.ValueKind}, not a string");
            }
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!)) throw new CheckpointException(source, $"{SafeTensorsFormat.MetadataKey} names '{entry.Name}' twice");
        }
    }

    private static Entry ReadEntry(string name, JsonElement element, string source)
    {
        [DoesNotReturn]
        void Fail(string reason) => throw new CheckpointException(source, $"tensor '{name}' {reason}");

        if (name.Length == 0) throw new CheckpointException(source, "a tensor has an empty name");
        if (element.ValueKind != JsonValueKind.Object) Fail($"is a {element.ValueKind}, not an object with dtype, shape and data_offsets");
        foreach (var key in element.EnumerateObject())
        {
            if (key.Name is not ("dtype" or "shape" or "data_offsets")) Fail($"has an unknown field '{key.Name}'");
        }
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String) Fail("has no dtype string");
        var dtype = dtypeElement.GetString()!;
        var elementBytes = SafeTensorsFormat.ElementBytes(dtype);
        if (elementBytes == 0) Fail($"has dtype {dtype}; NeuronSim reads {SafeTensorsFormat.ReadableDtypes}");

        var shape = Integers(element, "shape", name, source, int.MaxValue);
        var offsets = Integers(element, "data_offsets", name, source, long.MaxValue);
        if (offsets.Length != 2) Fail($"has {offsets.Length} data_offsets, not [begin, end]");
        var (begin, end) = (offsets[0], offsets[1]);
        if (end < begin) Fail($"data_offsets [{begin}, {end}] end before they begin");

        long count = 1;
        foreach (var d in shape)
        {
            if (d != 0 && count > long.MaxValue / d / elementBytes) Fail($"has shape {NamedTensor.ShapeText(shape)}, too large");
            count *= d;
        }
        if (count > Array.MaxLength) Fail($"has shape {NamedTensor.ShapeText(shape)}, too large");
        if (end - begin != count * elementBytes)
        {
            Fail($"has shape {NamedTensor.ShapeText(shape)} ({count * elementBytes} bytes of {dtype}) but data_offsets [{begin}, {end}] span {end - begin} bytes");
        }
        return new Entry(name, dtype, shape.Select(d => (int)d).ToArray(), begin, end);
    }

    private static long[] Integers(JsonElement element, string field, string name, string source, long max)
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new CheckpointException(source, $"tensor '{name}' has no {field} array");
        }
        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var value) || value < 0 || value > max)
            {
                throw new CheckpointException(source, $"tensor '{name}' {field} holds {item.GetRawText()}, not a whole number from 0 to {max}");
            }
            values.Add(value);
        }
        return values.ToArray();
    }
}
