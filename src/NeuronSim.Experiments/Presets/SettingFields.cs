namespace NeuronSim.Experiments.Presets;

/// <summary>
/// The fields of a setting in a preset, and the command-line option each one mirrors, so the
/// engine's range checks (written for the command line) name the preset's field instead.
/// </summary>
public static class SettingFields
{
    /// <summary>Preset field of each command-line option of the engine.</summary>
    private static readonly Dictionary<string, string> ByOption = new()
    {
        ["--hidden"] = "hidden",
        ["--activation"] = "activations",
        ["--output-activation"] = "output_activation",
        ["--leak"] = "leak",
        ["--lr"] = "learningRate",
        ["--loss"] = "loss",
        ["--optimizer"] = "optimizer",
        ["--momentum"] = "momentum",
        ["--beta1"] = "beta1",
        ["--beta2"] = "beta2",
        ["--eps"] = "eps",
        ["--alpha"] = "alpha",
        ["--l1"] = "l1",
        ["--l2"] = "l2",
        ["--batch-size"] = "batch_size",
    };

    /// <summary>Every field a setting may have, in the order the format lists them.</summary>
    public static readonly string[] All =
    [
        "label", "hidden", "activation", "activations", "output_activation", "leak", "learningRate", "bias",
        "loss", "optimizer", "momentum", "beta1", "beta2", "eps", "alpha", "l1", "l2", "batch_size",
        "data", "points", "noise", "features", "test_ratio",
    ];

    /// <summary>The optimizer hyper-parameters a preset may set (all numbers).</summary>
    public static readonly string[] OptimizerNumbers = ["momentum", "beta1", "beta2", "eps", "alpha"];

    /// <summary>
    /// "beta1: must be in [0, 1), got 1" from the engine's "--beta1 must be in [0, 1), got 1":
    /// the option replaced by the preset field it mirrors (a message naming no option is kept whole).
    /// </summary>
    public static string FromOptionMessage(string message)
    {
        if (!message.StartsWith("--", StringComparison.Ordinal)) return message;
        var end = message.IndexOfAny([' ', ':']);
        if (end < 0) return message;
        var option = message[..end];
        var reason = message[end..].TrimStart(':', ' ');
        return ByOption.TryGetValue(option, out var field) ? $"{field}: {reason}" : message;
    }
}
