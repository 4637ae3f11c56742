using System.Text.Json;

namespace NeuronSim.Experiments.Presets;

/// <summary>The JSON checks shared by the preset and setting readers: known fields, required and optional values, and how a wrong value is described.</summary>
internal static class PresetJson
{
    internal static void CheckFields(JsonElement element, string[] known, string path, string file)
    {
        var seen = new HashSet<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name)) throw new PresetException(file, Join(path, property.Name), "the key appears twice");
            if (!known.Contains(property.Name))
            {
                throw new PresetException(file, Join(path, property.Name), $"unknown field (expected {string.Join(", ", known)})");
            }
        }
    }

    internal static JsonElement Required(JsonElement element, string name, string path, string file, JsonValueKind kind, string expected)
    {
        if (!element.TryGetProperty(name, out var value)) throw new PresetException(file, Join(path, name), "missing");
        if (value.ValueKind != kind) throw new PresetException(file, Join(path, name), $"must be {expected}, got {Describe(value)}");
        return value;
    }

    internal static string RequiredString(JsonElement element, string name, string path, string file) =>
        Required(element, name, path, file, JsonValueKind.String, "a string").GetString()!;

    internal static string? OptionalString(JsonElement element, string name, string path, string file)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new PresetException(file, Join(path, name), $"must be a string, got {Describe(value)}");
        return value.GetString();
    }

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };
}
