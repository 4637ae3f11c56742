using System.ComponentModel;
using System.Globalization;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>The network and training options every training command takes.</summary>
public class NetworkSettings : CommandSettings
{
    /// <summary>The data set.</summary>
    [CommandOption("--data <NAME>")]
    [Description("Data set: xor (21 points) or linear (--points uniform points, label x0 <= x1). Default: xor.")]
    [DefaultValue("xor")]
    public string Data { get; init; } = "xor";

    /// <summary>Points in the linear data set.</summary>
    [CommandOption("--points <N>")]
    [Description("Points in the linear data set. Default: 100.")]
    [DefaultValue(100)]
    public int Points { get; init; } = 100;

    /// <summary>Hidden layer sizes.</summary>
    [CommandOption("--hidden <SIZES>")]
    [Description("Units per hidden layer, comma separated (0 to 8 layers of 1 to 1024; \"\" for none). Default: 4,4.")]
    [DefaultValue("4,4")]
    public string Hidden { get; init; } = "4,4";

    /// <summary>Learning rate.</summary>
    [CommandOption("--lr <RATE>")]
    [Description("Learning rate of plain gradient descent, w <- w - lr * dL/dw. Default: 1.")]
    [DefaultValue(1.0)]
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Activation of every layer.</summary>
    [CommandOption("--activation <NAME>")]
    [Description("Activation of every layer: sigmoid, identity (the lab's \"no activation\"), tanh or relu. Default: sigmoid.")]
    [DefaultValue("sigmoid")]
    public string Activation { get; init; } = "sigmoid";

    /// <summary>Turn biases off.</summary>
    [CommandOption("--no-bias")]
    [Description("No biases (the lab spec's network). Default: biases on, drawn from N(0,1) like the weights.")]
    public bool NoBias { get; init; }

    /// <summary>Maximum epochs.</summary>
    [CommandOption("--epochs <N>")]
    [Description("Maximum epochs (one epoch = one full-batch gradient step); snapshot trains exactly this many. Default: 100000.")]
    [DefaultValue(100_000)]
    public int Epochs { get; init; } = 100_000;

    /// <summary>Loss below which training stops.</summary>
    [CommandOption("--target-loss <LOSS>")]
    [Description("Stop when the MSE loss falls below this. Default: 0.005.")]
    [DefaultValue(0.005)]
    public double TargetLoss { get; init; } = 0.005;

    /// <summary>Seed of the initial weights (and of the linear data set).</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the N(0,1) initial weights and of the linear data set. Default: 1.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        try
        {
            _ = ToSpec();
            _ = ToOptions();
            _ = ToData();
            return ValidationResult.Success();
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }
    }

    /// <summary>The network these options describe.</summary>
    public NetworkSpec ToSpec()
    {
        var spec = NetworkSpec.Uniform(ParseHidden(Hidden), ParseActivation(Activation), !NoBias, Seed);
        spec.Validate();
        return spec;
    }

    /// <summary>The training options these options describe.</summary>
    public TrainingOptions ToOptions()
    {
        var options = new TrainingOptions { LearningRate = LearningRate, TargetLoss = TargetLoss, MaxEpochs = Epochs };
        options.Validate();
        return options;
    }

    /// <summary>The data set these options name.</summary>
    public DataSet ToData()
    {
        if (Points < 1) throw new ArgumentException($"--points must be at least 1, got {Points}");
        return DataSets.ByName(Data, Points, Seed);
    }

    /// <summary>Parses "4,4" into hidden sizes.</summary>
    public static int[] ParseHidden(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return text.Split(',').Select(part =>
        {
            if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var units) || units < 1 || units > NetworkSpec.MaxUnits)
            {
                throw new ArgumentException($"--hidden takes comma-separated layer sizes from 1 to {NetworkSpec.MaxUnits}, got '{part.Trim()}'");
            }
            return units;
        }).ToArray();
    }

    /// <summary>Parses an activation name (see <see cref="ActivationNames"/>).</summary>
    public static Activation ParseActivation(string text) => ActivationNames.TryParse(text, out var activation)
        ? activation
        : throw new ArgumentException($"unknown activation '{text}' (expected {ActivationNames.Expected})");
}
