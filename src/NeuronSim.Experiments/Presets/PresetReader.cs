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
/// name, title and settings are required; each setting's fields are read by <see cref="SettingReader"/>.
/// </remarks>
public static class PresetReader
{
    private static readonly string[] PresetFields = ["name", "title", "section", "description", "settings"];

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
            PresetJson.CheckFields(root, PresetFields, "", file);
            var name = PresetJson.RequiredString(root, "name", "", file);
            if (!ExperimentPreset.IsSafeName(name))
            {
                throw new PresetException(file, "name", $"must be 1 to {ExperimentPreset.MaxNameLength} letters, digits, '-', '_' or '+', got '{ExperimentPreset.Shorten(name)}'");
            }
            var settingsElement = PresetJson.Required(root, "settings", "", file, JsonValueKind.Array, "an array of settings");
            var settings = new List<ExperimentSetting>();
            var index = 0;
            foreach (var element in settingsElement.EnumerateArray())
            {
                settings.Add(SettingReader.Read(element, $"settings[{index}]", file));
                index++;
            }
            if (settings.Count == 0) throw new PresetException(file, "settings", "the list is empty: give at least one setting");
            var preset = new ExperimentPreset
            {
                Name = name,
                Title = PresetJson.RequiredString(root, "title", "", file),
                Section = PresetJson.OptionalString(root, "section", "", file) ?? "",
                Description = PresetJson.OptionalString(root, "description", "", file) ?? "",
                Settings = settings,
            };
            if (preset.Problem() is { } problem) throw new PresetException(file, "", problem);
            return preset;
        }
    }

}
