using System.Globalization;
using System.Text.Json.Serialization;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Presets;

/// <summary>
/// One setting of an experiment: a network shape, its activations, and every training option of
/// the engine (loss, optimizer, regularization, batch size). Fields left out of a preset keep the
/// lab's defaults: MSE, plain full-batch gradient descent, no regularization.
/// </summary>
public sealed record ExperimentSetting
{
    /// <summary>The longest label: it is part of figure file names and legends.</summary>
    public const int MaxLabelLength = 80;

    /// <summary>What the figures' legends and the tables call this setting, e.g. "lr 1e-2".</summary>
    public required string Label { get; init; }

    /// <summary>Units per hidden layer, input side first.</summary>
    public required IReadOnlyList<int> Hidden { get; init; }

    /// <summary>The output layer's activation, and every hidden layer's unless <see cref="HiddenActivations"/> is given (the lab's presets: one activation everywhere).</summary>
    public required Activation Activation { get; init; }

    /// <summary>One activation per hidden layer (or one for all of them); null when <see cref="Activation"/> is on every layer.</summary>
    public IReadOnlyList<Activation>? HiddenActivations { get; init; }

    /// <summary>The slope below zero of leaky-ReLU layers.</summary>
    public double Leak { get; init; } = new NetworkSpec().Leak;

    /// <summary>The optimizer's learning rate.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Whether the neurons have biases.</summary>
    public bool UseBias { get; init; } = true;

    /// <summary>The loss function (the lab's MSE by default).</summary>
    public LossKind Loss { get; init; } = LossKind.Mse;

    /// <summary>The optimizer and its hyper-parameters (plain SGD by default).</summary>
    public OptimizerSettings Optimizer { get; init; } = new();

    /// <summary>L1 regularization on the weights.</summary>
    public double L1 { get; init; }

    /// <summary>L2 weight decay on the weights.</summary>
    public double L2 { get; init; }

    /// <summary>Points per optimizer step; 0 is the full batch. A size larger than a data set is that data set's size (see <see cref="BatchSizeFor"/>).</summary>
    public int BatchSize { get; init; }

    /// <summary>The built-in data set this setting runs on (then only on it, whatever --data says); null: the plan's data sets.</summary>
    public string? Data { get; init; }

    /// <summary>Points generated for the data set; null: the catalogue's default (linear: the plan's).</summary>
    public int? Points { get; init; }

    /// <summary>The Playground's noise of the data set, 0 to 0.5.</summary>
    public double Noise { get; init; }

    /// <summary>Input features by name (one input neuron each); null: x0, x1.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Fraction of the points held out as a test set (stratified, seeded by the plan's data seed); 0: none (the lab's way).</summary>
    public double TestRatio { get; init; }

    /// <summary>The input features (<see cref="InputFeatures.Default"/> when none are named).</summary>
    [JsonIgnore]
    public FeatureSet FeatureSet => Features is null ? InputFeatures.Default : InputFeatures.Parse(string.Join(',', Features));

    /// <summary>"(4,4)".</summary>
    [JsonIgnore]
    public string HiddenText => "(" + string.Join(',', Hidden) + ")";

    /// <summary>The learning rate as the lab writes it: 1e-6, 0.01, 1, 10, 1e6.</summary>
    [JsonIgnore]
    public string LearningRateText => FormatRate(LearningRate);

    /// <summary>Each hidden layer's activation, input side first (resolved: one entry per layer).</summary>
    [JsonIgnore]
    public IReadOnlyList<Activation> LayerActivations =>
        HiddenActivations is null ? Enumerable.Repeat(Activation, Hidden.Count).ToArray()
        : HiddenActivations.Count == 1 ? Enumerable.Repeat(HiddenActivations[0], Hidden.Count).ToArray()
        : HiddenActivations;

    /// <summary>"sigmoid" when every layer has the same activation, else "relu,tanh/sigmoid" (hidden layers / output).</summary>
    [JsonIgnore]
    public string ActivationText => LayerActivations.All(a => a == Activation)
        ? Activations.NameOf(Activation)
        : $"{string.Join(',', LayerActivations.Select(Activations.NameOf))}/{Activations.NameOf(Activation)}";

    /// <summary>
    /// "(4,4) sigmoid lr 1", then whatever differs from the lab's defaults: "(4,4) sigmoid lr 0.01,
    /// adam beta2 0.99, l2 1e-4, batch 8". The default label, and the caption of a setting's figures.
    /// </summary>
    [JsonIgnore]
    public string Summary
    {
        get
        {
            var parts = new List<string> { $"{HiddenText} {ActivationText} lr {LearningRateText}" };
            if (UsesLeak && !Leak.Equals(new NetworkSpec().Leak)) parts.Add($"leak {Numbers.Compact(Leak)}");
            if (!UseBias) parts.Add("no bias");
            if (Loss != LossKind.Mse) parts.Add(Losses.Of(Loss).Name);
            if (Optimizer.Kind != OptimizerKind.Sgd)
            {
                parts.Add(Network.Systems.Optimizers.Of(Optimizer.Kind).Name
                    + string.Concat(OptimizerParameters.Where(p => !p.Value.Equals(p.Default)).Select(p => $" {p.Name} {Numbers.Compact(p.Value)}")));
            }
            if (L1 > 0) parts.Add($"l1 {Numbers.Compact(L1)}");
            if (L2 > 0) parts.Add($"l2 {Numbers.Compact(L2)}");
            if (BatchSize > 0) parts.Add($"batch {BatchSize.ToString(CultureInfo.InvariantCulture)}");
            if (Features is not null && !FeatureSet.Names.SequenceEqual(InputFeatures.Default.Names)) parts.Add($"features {FeatureSet}");
            if (Noise > 0) parts.Add($"noise {Numbers.Compact(Noise)}");
            if (TestRatio > 0) parts.Add($"test {Numbers.Percent(TestRatio)}");
            return string.Join(", ", parts);
        }
    }

    /// <summary>The hyper-parameters this setting's optimizer reads, in the optimizer table's order, with their values and defaults.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, double Value, double Default)> OptimizerParameters
    {
        get
        {
            var defaults = new OptimizerSettings();
            var reads = Network.Systems.Optimizers.Of(Optimizer.Kind).Settings(defaults);
            return new (string Name, double Value, double Default)[]
                {
                    ("momentum", Optimizer.Momentum, defaults.Momentum), ("beta1", Optimizer.Beta1, defaults.Beta1), ("beta2", Optimizer.Beta2, defaults.Beta2),
                    ("eps", Optimizer.Eps, defaults.Eps), ("alpha", Optimizer.Alpha, defaults.Alpha),
                }
                .Where(p => reads.Contains(p.Name + " ", StringComparison.Ordinal))
                .OrderBy(p => reads.IndexOf(p.Name + " ", StringComparison.Ordinal)).ToArray();
        }
    }

    /// <summary>Whether any layer is a leaky ReLU (only then does <see cref="Leak"/> matter).</summary>
    [JsonIgnore]
    public bool UsesLeak => Activation == Activation.LeakyRelu || LayerActivations.Contains(Activation.LeakyRelu);

    /// <summary>A readable name of what is trained (not unique: rounded, and only the main options): "h4x4-sigmoid-lr1-bias", "h4x4-sigmoid-lr0.01-bias-adam-b8".</summary>
    [JsonIgnore]
    public string Key => $"h{string.Join('x', Hidden)}-{ActivationText.Replace('/', '-').Replace(',', '-')}-lr{LearningRateText}-{(UseBias ? "bias" : "nobias")}"
        + (Loss == LossKind.Mse ? "" : "-" + Losses.Of(Loss).Name)
        + (Optimizer.Kind == OptimizerKind.Sgd ? "" : "-" + Network.Systems.Optimizers.Of(Optimizer.Kind).Name)
        + (BatchSize == 0 ? "" : $"-b{BatchSize.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Everything that decides what is trained, with exact values (numbers round-trip): identical
    /// for identical settings whatever their labels, different whenever one bit of a field differs.
    /// Fields at their defaults are left out, so the lab's settings keep the identity (and run files)
    /// they had before the engine's options existed; activations are written resolved per layer.
    /// </summary>
    [JsonIgnore]
    public string Identity
    {
        get
        {
            var activation = LayerActivations.All(a => a == Activation)
                ? $"activation={Activation.ToString().ToLowerInvariant()}"
                : $"activations={string.Join(',', LayerActivations.Select(a => a.ToString().ToLowerInvariant()))};output={Activation.ToString().ToLowerInvariant()}";
            var text = $"hidden={string.Join(',', Hidden)};{activation};lr={Numbers.RoundTrip(LearningRate)};bias={(UseBias ? "yes" : "no")}";
            var defaults = new ExperimentSetting { Label = "", Hidden = [], Activation = Activation, LearningRate = 1 };
            if (!Leak.Equals(defaults.Leak)) text += $";leak={Numbers.RoundTrip(Leak)}";
            if (Loss != defaults.Loss) text += $";loss={Losses.Of(Loss).Name}";
            var o = Optimizer;
            var d = defaults.Optimizer;
            if (o.Kind != d.Kind) text += $";optimizer={Network.Systems.Optimizers.Of(o.Kind).Name}";
            if (!o.Momentum.Equals(d.Momentum)) text += $";momentum={Numbers.RoundTrip(o.Momentum)}";
            if (!o.Beta1.Equals(d.Beta1)) text += $";beta1={Numbers.RoundTrip(o.Beta1)}";
            if (!o.Beta2.Equals(d.Beta2)) text += $";beta2={Numbers.RoundTrip(o.Beta2)}";
            if (!o.Eps.Equals(d.Eps)) text += $";eps={Numbers.RoundTrip(o.Eps)}";
            if (!o.Alpha.Equals(d.Alpha)) text += $";alpha={Numbers.RoundTrip(o.Alpha)}";
            if (!L1.Equals(0.0)) text += $";l1={Numbers.RoundTrip(L1)}";
            if (!L2.Equals(0.0)) text += $";l2={Numbers.RoundTrip(L2)}";
            if (BatchSize != 0) text += $";batch={BatchSize.ToString(CultureInfo.InvariantCulture)}";
            if (Points is { } points) text += $";points={points.ToString(CultureInfo.InvariantCulture)}";
            if (!Noise.Equals(0.0)) text += $";noise={Numbers.RoundTrip(Noise)}";
            if (Features is not null && !FeatureSet.Names.SequenceEqual(InputFeatures.Default.Names)) text += $";features={FeatureSet}";
            if (!TestRatio.Equals(0.0)) text += $";test_ratio={Numbers.RoundTrip(TestRatio)}";
            return text;
        }
    }

    /// <summary>Whether <paramref name="other"/> trains exactly the same network (labels aside).</summary>
    public bool TrainsLike(ExperimentSetting other) => Identity == other.Identity;

    /// <summary>The batch size on a data set of <paramref name="points"/> points: 0 (the full batch) stays 0, a size above the data is clamped to it.</summary>
    public int BatchSizeFor(int points) => BatchSize == 0 ? 0 : Math.Min(BatchSize, points);

    /// <summary>The network this setting trains with weight seed <paramref name="seed"/>.</summary>
    public NetworkSpec ToSpec(int seed) => new()
    {
        Hidden = Hidden,
        HiddenActivations = HiddenActivations ?? [Activation],
        OutputActivation = Activation,
        Leak = Leak,
        UseBias = UseBias,
        Features = FeatureSet,
        Seed = seed,
    };

    /// <summary>
    /// The training options of this setting on <paramref name="points"/> points, stopping as the plan
    /// says; the mini-batches are shuffled with <paramref name="shuffleSeed"/> (the run's seed).
    /// </summary>
    public TrainingOptions ToOptions(int points, int maxEpochs, double targetLoss, int shuffleSeed) => new()
    {
        LearningRate = LearningRate,
        TargetLoss = targetLoss,
        MaxEpochs = maxEpochs,
        Loss = Loss,
        Optimizer = Optimizer,
        L1 = L1,
        L2 = L2,
        BatchSize = BatchSizeFor(points),
        ShuffleSeed = shuffleSeed,
    };

    /// <summary>A learning rate as the lab writes it: <see cref="Numbers.Compact"/> without the exponent's sign and zero padding (1e-6, 0.01, 1e6).</summary>
    public static string FormatRate(double rate) =>
        Numbers.Compact(rate).Replace("e+0", "e").Replace("e-0", "e-").Replace("e+", "e");

    /// <summary>What is wrong with the data fields (data, points, noise, features, test_ratio), checked by the engine's own rules, or null.</summary>
    private string? DataProblem()
    {
        var entry = Data is null ? null : DataSets.Find(Data);
        if (Data is not null && (entry is null || entry.Name != Data)) return $"data: unknown data set '{ExperimentPreset.Shorten(Data)}' (expected {string.Join(", ", DataSets.Names)})";
        if (Points is { } points)
        {
            if (points < 1 || points > DataSets.MaxPoints) return $"points: must be a whole number from 1 to {DataSets.MaxPoints.ToString(CultureInfo.InvariantCulture)}, got {points.ToString(CultureInfo.InvariantCulture)}";
            if (entry is null) return "points: only with \"data\" (the set whose points it counts)";
            if (!entry.TakesPoints) return $"points: {entry.Name} has a fixed {entry.DefaultPoints.ToString(CultureInfo.InvariantCulture)} points (leave it out)";
        }
        if (!(Noise >= 0 && Noise <= DataSets.MaxNoise)) return $"noise: must be from 0 to {Numbers.Compact(DataSets.MaxNoise)}, got {Numbers.RoundTrip(Noise)}";
        if (Noise > 0 && (entry is null || !entry.TakesNoise)) return $"noise: {(entry is null ? "only with \"data\" naming a set that takes noise" : $"{entry.Name} takes no noise (leave it out)")}";
        if (!(TestRatio >= 0 && TestRatio < 1)) return $"test_ratio: must be at least 0 and below 1, got {Numbers.RoundTrip(TestRatio)}";
        if (Features is not null)
        {
            try
            {
                _ = InputFeatures.Parse(string.Join(',', Features));
            }
            catch (ArgumentException error)
            {
                return $"features: {error.Message}";
            }
        }
        return null;
    }

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
        var activationField = HiddenActivations is null ? "activation" : "output_activation";
        if (!Enum.IsDefined(Activation)) return $"{activationField}: unknown activation (expected {Activations.Expected})";
        if (HiddenActivations is not null && HiddenActivations.Any(a => !Enum.IsDefined(a))) return $"activations: unknown activation (expected {Activations.Expected})";
        if (!Enum.IsDefined(Loss)) return $"loss: unknown loss (expected {Losses.Expected})";
        if (Optimizer is null || !Enum.IsDefined(Optimizer.Kind)) return $"optimizer: unknown optimizer (expected {Network.Systems.Optimizers.Expected})";
        if (DataProblem() is { } data) return data;
        if (BatchSize < 0) return $"batch_size: must be a whole number of at least 1 (or 0 for the full batch), got {BatchSize.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            ToSpec(1).Validate();
            ToOptions(int.MaxValue, 1, 0, 1).Validate();
        }
        catch (ArgumentException error)
        {
            return SettingFields.FromOptionMessage(error.Message);
        }
        if (Losses.Of(Loss).RequiredOutput is { } required && Activation != required)
        {
            return $"loss: {Losses.Of(Loss).Name} needs a {Activations.NameOf(required)} output layer, got {Activations.NameOf(Activation)} (set output_activation, or activation for every layer)";
        }
        return null;
    }
}
