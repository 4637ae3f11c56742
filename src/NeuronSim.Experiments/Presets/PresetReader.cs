using System.Text.Json;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;

namespace NeuronSim.Experiments.Presets;

/// <summary>
/// Reads experiment presets from JSON and checks every field, so a bad file fails with one line
/// naming the file and the field before anything runs.
/// </summary>
/// <remarks>
/// Format: <c>{ "name": "lr", "title": "...", "section": "4.1", "description": "...",
/// "settings": [ { "label": "lr 1", "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1, "bias": true } ] }</c>.
/// name, title, settings, hidden, activation and learningRate are required.
/// </remarks>
public static class PresetReader
{
    private static readonly string[] PresetFields = ["name", "title", "section", "description", "settings"];
    private static readonly string[] SettingFields = ["label", "hidden", "activation", "learningRate", "bias"];

    /// <summary>The largest preset file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Reads the preset in <paramref name="path"/> (at most <see cref="MaxFileBytes"/>; a directory, FIFO or device is refused without blocking).</summary>
    /// <exception cref="PresetException">The file is missing, too large, not JSON, or a field is missing or wrong.</exception>
    public static ExperimentPreset ReadFile(string path)
    {
        string json;
        try
        {
            json = BoundedFile.ReadText(path, MaxFileBytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new PresetException(path, "", $"cannot read the preset: {error.Message}");
        }
        return Parse(json, path);
    }

    /// <summary>Parses preset JSON; <paramref name="file"/> names the source in error messages.</summary>
    /// <exception cref="PresetException">Not JSON, or a field is missing or wrong.</exception>
    public static ExperimentPreset Parse(string json, string file)
    {
        if (json.Trim().Length == 0) throw new PresetException(file, "", "the file is empty (or a pipe nothing was written to)");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new PresetException(file, "", $"not valid JSON (line {error.LineNumber + 1}): {error.Message.Split('.')[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PresetException(file, "", "the preset must be a JSON object");
            CheckFields(root, PresetFields, "", file);
            var name = RequiredString(root, "name", "", file);
            if (!ExperimentPreset.IsSafeName(name))
            {
                throw new PresetException(file, "name", $"must be 1 to {ExperimentPreset.MaxNameLength} letters, digits, '-', '_' or '+', got '{ExperimentPreset.Shorten(name)}'");
            }
            var settingsElement = Required(root, "settings", "", file, JsonValueKind.Array, "an array of settings");
            var settings = new List<ExperimentSetting>();
            var index = 0;
            foreach (var element in settingsElement.EnumerateArray())
            {
                settings.Add(ParseSetting(element, $"settings[{index}]", file));
                index++;
            }
            if (settings.Count == 0) throw new PresetException(file, "settings", "the list is empty: give at least one setting");
            var preset = new ExperimentPreset
            {
                Name = name,
                Title = RequiredString(root, "title", "", file),
                Section = OptionalString(root, "section", "", file) ?? "",
                Description = OptionalString(root, "description", "", file) ?? "",
                Settings = settings,
            };
            if (preset.Problem() is { } problem) throw new PresetException(file, "", problem);
            return preset;
        }
    }

    private static ExperimentSetting ParseSetting(JsonElement element, string path, string file)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new PresetException(file, path, $"must be an object, got {Describe(element)}");
        CheckFields(element, SettingFields, path, file);
        var hiddenElement = Required(element, "hidden", path, file, JsonValueKind.Array, "an array of layer sizes like [4, 4]");
        var hidden = new List<int>();
        var layer = 0;
        foreach (var units in hiddenElement.EnumerateArray())
        {
            if (units.ValueKind != JsonValueKind.Number || !units.TryGetInt32(out var count) || count < 1 || count > NetworkSpec.MaxUnits)
            {
                throw new PresetException(file, $"{path}.hidden[{layer}]", $"must be a whole number from 1 to {NetworkSpec.MaxUnits}, got {Describe(units)}");
            }
            hidden.Add(count);
            layer++;
        }
        if (hidden.Count > NetworkSpec.MaxHiddenLayers) throw new PresetException(file, $"{path}.hidden", $"at most {NetworkSpec.MaxHiddenLayers} hidden layers, got {hidden.Count}");
        var activationName = RequiredString(element, "activation", path, file);
        if (!Activations.TryParse(activationName, out var activation))
        {
            throw new PresetException(file, $"{path}.activation", $"unknown activation '{activationName}' (expected {Activations.Expected})");
        }
        var rateElement = Required(element, "learningRate", path, file, JsonValueKind.Number, "a number");
        var rate = rateElement.GetDouble();
        if (!(rate > 0) || double.IsInfinity(rate)) throw new PresetException(file, $"{path}.learningRate", $"must be a positive number, got {rateElement.GetRawText()}");
        var useBias = true;
        if (element.TryGetProperty("bias", out var bias))
        {
            if (bias.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new PresetException(file, $"{path}.bias", $"must be true or false, got {Describe(bias)}");
            useBias = bias.GetBoolean();
        }
        var label = OptionalString(element, "label", path, file);
        if (label is not null && label.Trim().Length == 0) throw new PresetException(file, $"{path}.label", "must not be empty");
        if (label is not null && label.Trim().Length > ExperimentSetting.MaxLabelLength) throw new PresetException(file, $"{path}.label", $"at most {ExperimentSetting.MaxLabelLength} characters, got {label.Trim().Length}");
        return new ExperimentSetting
        {
            Label = label?.Trim() ?? $"{"(" + string.Join(',', hidden) + ")"} {activationName.Trim().ToLowerInvariant()} lr {ExperimentSetting.FormatRate(rate)}",
            Hidden = hidden,
            Activation = activation,
            LearningRate = rate,
            UseBias = useBias,
        };
    }

    private static void CheckFields(JsonElement element, string[] known, string path, string file)
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

    private static JsonElement Required(JsonElement element, string name, string path, string file, JsonValueKind kind, string expected)
    {
        if (!element.TryGetProperty(name, out var value)) throw new PresetException(file, Join(path, name), "missing");
        if (value.ValueKind != kind) throw new PresetException(file, Join(path, name), $"must be {expected}, got {Describe(value)}");
        return value;
    }

    private static string RequiredString(JsonElement element, string name, string path, string file) =>
        Required(element, name, path, file, JsonValueKind.String, "a string").GetString()!;

    private static string? OptionalString(JsonElement element, string name, string path, string file)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new PresetException(file, Join(path, name), $"must be a string, got {Describe(value)}");
        return value.GetString();
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };
}
