using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 9 items 6-10: every engine option in a preset, read through the engine's tables and checks, part of the run's identity, shown where it differs.</summary>
public class EngineOptionPresetTests
{
    private const string Everything = """
        { "label": "all", "hidden": [5, 3], "activations": ["leaky-relu", "tanh"], "output_activation": "sigmoid", "leak": 0.05,
          "learningRate": 0.02, "bias": false, "loss": "bce", "optimizer": "adam", "beta1": 0.8, "beta2": 0.99, "eps": 1e-7,
          "l1": 0.001, "l2": 0.0001, "batch_size": 7 }
        """;

    private static ExperimentSetting Read(string setting) =>
        Assert.Single(PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ {{setting}} ] }""", "p.json").Settings);

    private static PresetException Refused(string setting) =>
        Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ {{setting}} ] }""", "p.json"));

    [Fact]
    public void A_setting_with_every_field_becomes_the_spec_and_options_it_says()
    {
        var setting = Read(Everything);
        var spec = setting.ToSpec(seed: 9);
        Assert.Equal([5, 3], spec.Hidden);
        Assert.Equal([Activation.LeakyRelu, Activation.Tanh], spec.HiddenActivations);
        Assert.Equal(Activation.Sigmoid, spec.OutputActivation);
        Assert.Equal(0.05, spec.Leak);
        Assert.False(spec.UseBias);
        Assert.Equal(9, spec.Seed);
        var options = setting.ToOptions(points: 21, maxEpochs: 300, targetLoss: 0.01, shuffleSeed: 9);
        Assert.Equal(0.02, options.LearningRate);
        Assert.Equal(LossKind.Bce, options.Loss);
        Assert.Equal(new OptimizerSettings { Kind = OptimizerKind.Adam, Beta1 = 0.8, Beta2 = 0.99, Eps = 1e-7 }, options.Optimizer);
        Assert.Equal(0.001, options.L1);
        Assert.Equal(0.0001, options.L2);
        Assert.Equal(7, options.BatchSize);
        Assert.Equal(9, options.ShuffleSeed);
        Assert.Equal((300, 0.01), (options.MaxEpochs, options.TargetLoss));
        Assert.Equal("(5,3) leaky-relu,tanh/sigmoid lr 0.02, leak 0.05, no bias, bce, adam beta1 0.8 beta2 0.99 eps 1e-07, l1 0.001, l2 1e-04, batch 7", setting.Summary);
    }

    [Fact]
    public void The_old_activation_field_still_means_every_layer_and_output_activation_defaults_to_sigmoid()
    {
        var identity = Read("""{ "hidden": [4, 4], "activation": "identity", "learningRate": 1 }""").ToSpec(1);
        Assert.Equal([Activation.Identity], identity.HiddenActivations);
        Assert.Equal(Activation.Identity, identity.OutputActivation);
        var perLayer = Read("""{ "hidden": [4, 4], "activations": ["relu", "tanh"], "learningRate": 1 }""").ToSpec(1);
        Assert.Equal([Activation.Relu, Activation.Tanh], perLayer.HiddenActivations);
        Assert.Equal(Activation.Sigmoid, perLayer.OutputActivation);
    }

    [Theory]
    [InlineData("\"beta2\": 1", "settings[0].beta2: must be in [0, 1), got 1")]
    [InlineData("\"beta1\": -0.1", "settings[0].beta1: must be in [0, 1)")]
    [InlineData("\"eps\": 0", "settings[0].eps: must be a positive number")]
    [InlineData("\"l2\": -1", "settings[0].l2: must be zero or a positive number")]
    [InlineData("\"l1\": \"a lot\"", "settings[0].l1: must be a number")]
    [InlineData("\"batch_size\": 0", "settings[0].batch_size: must be a whole number of at least 1")]
    [InlineData("\"batch_size\": 2.5", "settings[0].batch_size: must be a whole number")]
    [InlineData("\"loss\": \"hinge\"", "settings[0].loss: unknown loss 'hinge' (expected mse or bce)")]
    [InlineData("\"optimizer\": \"adagrad\"", "settings[0].optimizer: unknown optimizer 'adagrad' (expected sgd, momentum, nesterov, rmsprop or adam)")]
    [InlineData("\"alpha\": 0.9", "settings[0].alpha: the optimizer adam does not use it")]
    public void A_bad_optimizer_value_names_its_field(string field, string expected)
    {
        var error = Refused($$"""{ "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1, "optimizer": "adam", {{field}} }""".Replace("\"optimizer\": \"adam\", \"optimizer\"", "\"optimizer\""));
        Assert.Contains(expected, error.Message);
        Assert.Equal(expected.Split(':')[0], error.Field);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("\"activations\": [\"relu\", \"tanh\", \"relu\"]", "settings[0].activations: takes one name or one per hidden layer (2), got 3")]
    [InlineData("\"activations\": [\"relu\", \"swish\"]", "settings[0].activations[1]: unknown activation 'swish'")]
    [InlineData("\"activations\": []", "settings[0].activations: the list is empty")]
    [InlineData("\"activation\": \"tanh\", \"activations\": [\"relu\"]", "settings[0].activations: give \"activation\"")]
    [InlineData("\"activation\": \"tanh\", \"output_activation\": \"tanh\"", "settings[0].output_activation: only with \"activations\"")]
    [InlineData("\"activations\": [\"leaky-relu\"], \"leak\": -0.1", "settings[0].leak: must be zero or a positive number")]
    [InlineData("\"activation\": \"tanh\", \"leak\": 0.1", "settings[0].leak: no layer is leaky-relu")]
    [InlineData("\"activation\": \"tanh\", \"loss\": \"bce\"", "settings[0].loss: bce needs a sigmoid output layer, got tanh")]
    [InlineData("\"activation\": \"sigmoid\", \"momentum\": 0.5", "settings[0].momentum: the optimizer sgd does not use it")]
    [InlineData("\"activation\": \"sigmoid\", \"optimizer\": \"momentum\", \"momentum\": 1", "settings[0].momentum: must be in [0, 1), got 1")]
    public void A_bad_network_or_training_value_names_its_field(string fields, string expected)
    {
        var error = Refused($$"""{ "hidden": [4, 4], {{fields}}, "learningRate": 1 }""");
        Assert.Contains(expected, error.Message);
        Assert.Equal(expected.Split(':')[0], error.Field);
    }

    [Fact]
    public void Two_settings_that_differ_in_any_one_field_are_two_runs()
    {
        var baseline = Read(Everything);
        ExperimentSetting[] variants =
        [
            baseline with { HiddenActivations = [Activation.LeakyRelu, Activation.Relu] },
            baseline with { Activation = Activation.Tanh },
            baseline with { Leak = 0.05000000000000001 },
            baseline with { LearningRate = 0.020000000000000004 },
            baseline with { UseBias = true },
            baseline with { Loss = LossKind.Mse },
            baseline with { Optimizer = baseline.Optimizer with { Kind = OptimizerKind.RmsProp } },
            baseline with { Optimizer = baseline.Optimizer with { Momentum = 0.5 } },
            baseline with { Optimizer = baseline.Optimizer with { Beta1 = 0.8000000000000002 } },
            baseline with { Optimizer = baseline.Optimizer with { Beta2 = 0.9900000000000001 } },
            baseline with { Optimizer = baseline.Optimizer with { Eps = 1.0000000000000002e-7 } },
            baseline with { Optimizer = baseline.Optimizer with { Alpha = 0.9 } },
            baseline with { L1 = 0.0010000000000000002 },
            baseline with { L2 = 0.00010000000000000002 },
            baseline with { BatchSize = 8 },
        ];
        var ids = variants.Select(v => new PlannedRun("xor", v, 1).Id).Append(new PlannedRun("xor", baseline, 1).Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(new PlannedRun("xor", baseline, 1).Id, new PlannedRun("xor", baseline with { Label = "another label" }, 1).Id);
    }

    [Fact]
    public void The_labs_settings_keep_the_identity_they_had_before_the_engine_options()
    {
        var lab = ExperimentTestData.Setting("lr 1", Activation.Sigmoid, 1, 4, 4);
        Assert.Equal("hidden=4,4;activation=sigmoid;lr=1;bias=yes", lab.Identity);
        Assert.Equal(lab.Identity, Read("""{ "hidden": [4, 4], "activations": ["sigmoid"], "learningRate": 1 }""").Identity);
        Assert.Equal("hidden=4,4;activation=sigmoid;lr=1;bias=yes;optimizer=adam;beta2=0.99", (lab with { Optimizer = new() { Kind = OptimizerKind.Adam, Beta2 = 0.99 } }).Identity);
    }

    [Fact]
    public void The_settings_table_shows_an_engine_option_only_where_a_setting_changes_it()
    {
        var plan = ExperimentTestData.Plan(10, ExperimentTestData.Setting("a", Activation.Sigmoid, 1, 4, 4)) with { DataSets = ["xor", "linear"] };
        var lab = SettingsTable.Markdown(plan.Experiments[0].Settings, plan);
        Assert.StartsWith("| setting | hidden units | activation | learning rate | bias |\n", lab);
        var adam = ExperimentTestData.Setting("b", Activation.Sigmoid, 0.01, 4, 4) with { Optimizer = new() { Kind = OptimizerKind.Adam }, BatchSize = 32 };
        var table = SettingsTable.Markdown([plan.Experiments[0].Settings[0], adam], plan);
        Assert.Contains("| optimizer | batch size |", table);
        Assert.Contains("| sgd | full batch |", table);
        Assert.Contains("| adam (beta1 0.9, beta2 0.999, eps 1e-08) | 32 (21 on xor: clamped to the data) |", table);
        Assert.DoesNotContain("loss", table);
        Assert.Contains("plain full-batch gradient descent", SettingsTable.TrainingLine(plan));
        Assert.Contains("clamped", SettingsTable.TrainingLine(plan with { Experiments = [new ExperimentPreset { Name = "b", Title = "b", Settings = [adam] }] }));
    }
}
