using System.Globalization;
using System.Text.Json.Serialization;
using NeuronSim.Network.Components;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;

namespace NeuronSim.Experiments.Presets;

/// <summary>One setting of an experiment: a network shape, an activation and a learning rate.</summary>
public sealed record ExperimentSetting
{
    /// <summary>The longest label: it is part of figure file names and legends.</summary>
    public const int MaxLabelLength = 80;

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

    /// <summary>A readable name of what is trained (not unique: the learning rate is rounded): "h4x4-sigmoid-lr1-bias".</summary>
    [JsonIgnore]
    public string Key => $"h{string.Join('x', Hidden)}-{Activation.ToString().ToLowerInvariant()}-lr{LearningRateText}-{(UseBias ? "bias" : "nobias")}";

    /// <summary>
    /// Everything that decides what is trained, with exact values (the learning rate round-trips):
    /// identical for identical settings whatever their labels, different whenever one bit differs.
    /// </summary>
    [JsonIgnore]
    public string Identity => $"hidden={string.Join(',', Hidden)};activation={Activation.ToString().ToLowerInvariant()};lr={Numbers.RoundTrip(LearningRate)};bias={(UseBias ? "yes" : "no")}";

    /// <summary>Whether <paramref name="other"/> trains exactly the same network (labels aside).</summary>
    public bool TrainsLike(ExperimentSetting other) => Identity == other.Identity;

    /// <summary>A learning rate as the lab writes it: <see cref="Numbers.Compact"/> without the exponent's sign and zero padding (1e-6, 0.01, 1e6).</summary>
    public static string FormatRate(double rate) =>
        Numbers.Compact(rate).Replace("e+0", "e").Replace("e-0", "e-").Replace("e+", "e");

    /// <summary>What is wrong with this setting (the first problem, "field: reason"), or null when it can be trained.</summary>
    public string? Problem()
    {
        if (Label is null || Label.Trim().Length == 0) return "label: must not be empty";
        if (Label.Length > MaxLabelLength) return $"label: at most {MaxLabelLength} characters, got {Label.Length}";
        if (Hidden is null) return "hidden: must be an array of layer sizes like [4, 4]";
        if (Hidden.Count > NetworkSpec.MaxHiddenLayers) return $"hidden: at most {NetworkSpec.MaxHiddenLayers} hidden layers, got {Hidden.Count}";
        for (var i = 0; i < Hidden.Count; i++)
        {
            if (Hidden[i] < 1 || Hidden[i] > NetworkSpec.MaxUnits) return $"hidden[{i}]: must be a whole number from 1 to {NetworkSpec.MaxUnits}, got {Hidden[i].ToString(CultureInfo.InvariantCulture)}";
        }
        if (!Enum.IsDefined(Activation)) return $"activation: unknown activation (expected {Activations.Expected})";
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) return $"learningRate: must be a positive number, got {Numbers.RoundTrip(LearningRate)}";
        return null;
    }
}
