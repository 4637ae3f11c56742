using System.Text.Json.Serialization;
using NeuronSim.Network.Components;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Presets;

/// <summary>One setting of an experiment: a network shape, an activation and a learning rate.</summary>
public sealed record ExperimentSetting
{
    /// <summary>What the figures' legends and the tables call this setting, e.g. "lr 1e-2".</summary>
    public required string Label { get; init; }

    /// <summary>Units per hidden layer, input side first.</summary>
    public required IReadOnlyList<int> Hidden { get; init; }

    /// <summary>The activation of every layer.</summary>
    public required Activation Activation { get; init; }

    /// <summary>The gradient-descent learning rate.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Whether the neurons have biases.</summary>
    public bool UseBias { get; init; } = true;

    /// <summary>"(4,4)".</summary>
    [JsonIgnore]
    public string HiddenText => "(" + string.Join(',', Hidden) + ")";

    /// <summary>The learning rate as the lab writes it: 1e-6, 0.01, 1, 10, 1e6.</summary>
    [JsonIgnore]
    public string LearningRateText => FormatRate(LearningRate);

    /// <summary>A key that names what is trained, identical for identical settings: "h4x4-sigmoid-lr1-bias".</summary>
    [JsonIgnore]
    public string Key => $"h{string.Join('x', Hidden)}-{Activation.ToString().ToLowerInvariant()}-lr{LearningRateText}-{(UseBias ? "bias" : "nobias")}";

    /// <summary>A learning rate as the lab writes it: <see cref="Numbers.Compact"/> without the exponent's sign and zero padding (1e-6, 0.01, 1e6).</summary>
    public static string FormatRate(double rate) =>
        Numbers.Compact(rate).Replace("e+0", "e").Replace("e-0", "e-").Replace("e+", "e");
}
