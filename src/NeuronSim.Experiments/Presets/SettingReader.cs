using System.Globalization;
using System.Text.Json;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Systems;

namespace NeuronSim.Experiments.Presets;

/// <summary>
/// Reads one setting of a preset. Names go through the engine's tables (activations, losses,
/// optimizers) and ranges through the engine's own checks, so a preset accepts exactly what the
/// command line accepts; every error names the field, e.g. <c>settings[2].beta2</c>.
/// </summary>
/// <remarks>
/// Fields: <c>label</c>; <c>hidden</c> (required); <c>activation</c> (every layer, the output included)
/// or <c>activations</c> (one per hidden layer, or one for all) with <c>output_activation</c>
/// (default sigmoid); <c>leak</c> (leaky-relu layers only); <c>learningRate</c> (required);
/// <c>bias</c>; <c>loss</c> (mse|bce); <c>optimizer</c> (sgd|momentum|nesterov|rmsprop|adam) with
/// the hyper-parameters it reads (<c>momentum</c>, <c>beta1</c>, <c>beta2</c>, <c>eps</c>,
/// <c>alpha</c>); <c>l1</c>, <c>l2</c>; <c>batch_size</c> (a whole number of at least 1; left out: the full batch);
/// the data: <c>data</c> (a built-in set: the setting runs only on it), <c>points</c>, <c>noise</c>,
/// <c>features</c> (a list of names) and <c>test_ratio</c>, through the data catalogue's and the split's rules.
/// </remarks>
public static class SettingReader
{
    /// <summary>Reads the setting in <paramref name="element"/>; <paramref name="path"/> ("settings[2]") and <paramref name="file"/> name it in errors.</summary>
    /// <exception cref="PresetException">A field is missing, unknown, of the wrong type or out of range.</exception>
    public static ExperimentSetting Read(JsonElement element, string path, string file)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new PresetException(file, path, $"must be an object, got {PresetJson.Describe(element)}");
        PresetJson.CheckFields(element, SettingFields.All, path, file);
        var hidden = Hidden(element, path, file);
        var (activation, hiddenActivations) = ActivationsOf(element, path, file);
        var rateElement = PresetJson.Required(element, "learningRate", path, file, JsonValueKind.Number, "a number");
        var rate = rateElement.GetDouble();
        if (!(rate > 0) || double.IsInfinity(rate)) throw new PresetException(file, $"{path}.learningRate", $"must be a positive number, got {rateElement.GetRawText()}");
        var useBias = true;
        if (element.TryGetProperty("bias", out var bias))
        {
            if (bias.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new PresetException(file, $"{path}.bias", $"must be true or false, got {PresetJson.Describe(bias)}");
            useBias = bias.GetBoolean();
        }
        var defaults = new OptimizerSettings();
        var optimizerKind = Name(element, "optimizer", path, file, text => Optimizers.Parse(text, "optimizer")) ?? OptimizerKind.Sgd;
        var optimizer = new OptimizerSettings
        {
            Kind = optimizerKind,
            Momentum = Number(element, "momentum", path, file) ?? defaults.Momentum,
            Beta1 = Number(element, "beta1", path, file) ?? defaults.Beta1,
            Beta2 = Number(element, "beta2", path, file) ?? defaults.Beta2,
            Eps = Number(element, "eps", path, file) ?? defaults.Eps,
            Alpha = Number(element, "alpha", path, file) ?? defaults.Alpha,
        };
        var batchSize = 0;
        if (element.TryGetProperty("batch_size", out var batch))
        {
            if (batch.ValueKind != JsonValueKind.Number || !batch.TryGetInt32(out batchSize) || batchSize < 1)
            {
                throw new PresetException(file, $"{path}.batch_size", $"must be a whole number of at least 1 (leave it out for the full batch), got {PresetJson.Describe(batch)}");
            }
        }
        var label = PresetJson.OptionalString(element, "label", path, file);
        if (label is not null && label.Trim().Length == 0) throw new PresetException(file, $"{path}.label", "must not be empty");
        if (label is not null && label.Trim().Length > ExperimentSetting.MaxLabelLength) throw new PresetException(file, $"{path}.label", $"at most {ExperimentSetting.MaxLabelLength} characters, got {label.Trim().Length}");
        var setting = new ExperimentSetting
        {
            Label = "unnamed",
            Hidden = hidden,
            Activation = activation,
            HiddenActivations = hiddenActivations,
            Leak = Number(element, "leak", path, file) ?? new NetworkSpec().Leak,
            LearningRate = rate,
            UseBias = useBias,
            Loss = Name(element, "loss", path, file, text => Losses.Parse(text, "loss")) ?? LossKind.Mse,
            Optimizer = optimizer,
            L1 = Number(element, "l1", path, file) ?? 0,
            L2 = Number(element, "l2", path, file) ?? 0,
            BatchSize = batchSize,
            Data = DataName(element, path, file),
            Points = WholeNumber(element, "points", path, file),
            Noise = Number(element, "noise", path, file) ?? 0,
            Features = FeatureNames(element, path, file),
            TestRatio = Number(element, "test_ratio", path, file) ?? 0,
        };
        setting = setting with { Label = label?.Trim() ?? setting.Summary };
        var reads = setting.OptimizerParameters.Select(p => p.Name).ToList();
        foreach (var field in SettingFields.OptimizerNumbers.Where(f => element.TryGetProperty(f, out _) && !reads.Contains(f)))
        {
            throw new PresetException(file, $"{path}.{field}", $"the optimizer {Optimizers.Of(optimizerKind).Name} does not use it (set \"optimizer\" to one that does, or leave it out)");
        }
        if (element.TryGetProperty("leak", out _) && !setting.UsesLeak) throw new PresetException(file, $"{path}.leak", "no layer is leaky-relu, so the leak would do nothing (leave it out)");
        if (setting.Problem() is { } problem)
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            throw new PresetException(file, $"{path}.{problem[..colon]}", problem[(colon + 2)..]);
        }
        return setting;
    }

    private static List<int> Hidden(JsonElement element, string path, string file)
    {
        var hiddenElement = PresetJson.Required(element, "hidden", path, file, JsonValueKind.Array, "an array of layer sizes like [4, 4]");
        var hidden = new List<int>();
        foreach (var units in hiddenElement.EnumerateArray())
        {
            if (units.ValueKind != JsonValueKind.Number || !units.TryGetInt32(out var count) || count < 1 || count > NetworkSpec.MaxUnits)
            {
                throw new PresetException(file, $"{path}.hidden[{hidden.Count}]", $"must be a whole number from 1 to {NetworkSpec.MaxUnits}, got {PresetJson.Describe(units)}");
            }
            hidden.Add(count);
        }
        if (hidden.Count > NetworkSpec.MaxHiddenLayers) throw new PresetException(file, $"{path}.hidden", $"at most {NetworkSpec.MaxHiddenLayers} hidden layers, got {hidden.Count}");
        return hidden;
    }

    /// <summary>"activation" (every layer) or "activations" per hidden layer with "output_activation" (default sigmoid).</summary>
    private static (Activation Output, IReadOnlyList<Activation>? Hidden) ActivationsOf(JsonElement element, string path, string file)
    {
        var hasOne = element.TryGetProperty("activation", out _);
        var hasList = element.TryGetProperty("activations", out var list);
        if (hasOne && hasList) throw new PresetException(file, $"{path}.activations", "give \"activation\" (every layer, the output included) or \"activations\" (one per hidden layer), not both");
        if (!hasList)
        {
            if (element.TryGetProperty("output_activation", out _)) throw new PresetException(file, $"{path}.output_activation", "only with \"activations\" (\"activation\" already sets the output layer)");
            if (!hasOne) throw new PresetException(file, $"{path}.activation", "missing (or give \"activations\", one per hidden layer)");
            return (Activation(PresetJson.RequiredString(element, "activation", path, file), $"{path}.activation", file), null);
        }
        if (list.ValueKind != JsonValueKind.Array) throw new PresetException(file, $"{path}.activations", $"must be an array of activation names like [\"relu\", \"tanh\"], got {PresetJson.Describe(list)}");
        var hidden = new List<Activation>();
        foreach (var name in list.EnumerateArray())
        {
            var field = $"{path}.activations[{hidden.Count.ToString(CultureInfo.InvariantCulture)}]";
            if (name.ValueKind != JsonValueKind.String) throw new PresetException(file, field, $"must be an activation name, got {PresetJson.Describe(name)}");
            hidden.Add(Activation(name.GetString()!, field, file));
        }
        if (hidden.Count == 0) throw new PresetException(file, $"{path}.activations", "the list is empty: give one name per hidden layer (or one for all)");
        var output = PresetJson.OptionalString(element, "output_activation", path, file);
        return (output is null ? Network.Components.Activation.Sigmoid : Activation(output, $"{path}.output_activation", file), hidden);
    }

    private static Activation Activation(string name, string field, string file) =>
        Activations.TryParse(name, out var activation) ? activation
        : throw new PresetException(file, field, $"unknown activation '{name.Trim()}' (expected {Activations.Expected})");

    /// <summary>A name parsed through an engine table (whose error starts "FIELD: "), or null when the field is absent.</summary>
    private static T? Name<T>(JsonElement element, string field, string path, string file, Func<string, T> parse) where T : struct
    {
        var text = PresetJson.OptionalString(element, field, path, file);
        if (text is null) return null;
        try
        {
            return parse(text);
        }
        catch (ArgumentException error)
        {
            throw new PresetException(file, $"{path}.{field}", error.Message[(field.Length + 2)..]);
        }
    }

    /// <summary>The catalogue's spelling of "data", or null when absent.</summary>
    private static string? DataName(JsonElement element, string path, string file)
    {
        var text = PresetJson.OptionalString(element, "data", path, file);
        if (text is null) return null;
        return Network.Data.DataSets.Find(text)?.Name
            ?? throw new PresetException(file, $"{path}.data", $"unknown data set '{ExperimentPreset.Shorten(text.Trim())}' (expected {string.Join(", ", Network.Data.DataSets.Names)})");
    }

    /// <summary>"features": a list of names parsed by <see cref="Network.Data.InputFeatures.Parse"/>; the canonical names, or null when absent.</summary>
    private static IReadOnlyList<string>? FeatureNames(JsonElement element, string path, string file)
    {
        if (!element.TryGetProperty("features", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(name => name.ValueKind != JsonValueKind.String))
        {
            throw new PresetException(file, $"{path}.features", $"must be an array of feature names like [\"x0\", \"x1\", \"x0sq\"], got {PresetJson.Describe(list)}");
        }
        try
        {
            return [.. Network.Data.InputFeatures.Parse(string.Join(',', list.EnumerateArray().Select(name => name.GetString()))).Names];
        }
        catch (ArgumentException error)
        {
            throw new PresetException(file, $"{path}.features", error.Message);
        }
    }

    private static int? WholeNumber(JsonElement element, string field, string path, string file)
    {
        if (!element.TryGetProperty(field, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number)) throw new PresetException(file, $"{path}.{field}", $"must be a whole number, got {PresetJson.Describe(value)}");
        return number;
    }

    private static double? Number(JsonElement element, string field, string path, string file)
    {
        if (!element.TryGetProperty(field, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number) throw new PresetException(file, $"{path}.{field}", $"must be a number, got {PresetJson.Describe(value)}");
        return value.GetDouble();
    }
}
