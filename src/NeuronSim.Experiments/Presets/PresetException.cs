namespace NeuronSim.Experiments.Presets;

/// <summary>A preset file that cannot be used; the message names the file and the field.</summary>
public sealed class PresetException : ArgumentException
{
    /// <summary>Creates the error "FILE: FIELD: REASON".</summary>
    public PresetException(string file, string field, string reason)
        : base(field.Length == 0 ? $"{file}: {reason}" : $"{file}: {field}: {reason}")
    {
        File = file;
        Field = field;
    }

    /// <summary>The preset file.</summary>
    public string File { get; }

    /// <summary>The JSON path of the bad field, e.g. "settings[2].learningRate" (empty for the whole file).</summary>
    public string Field { get; }
}
