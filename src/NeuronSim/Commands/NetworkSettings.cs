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
    [Description("Learning rate, the optimizer's step size (sgd: w <- w - lr * dL/dw). Default: 1.")]
    [DefaultValue(1.0)]
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Activation of the hidden layers.</summary>
    [CommandOption("--activation <NAMES>")]
    [Description("Activation of the hidden layers: one name for all or one per hidden layer, comma separated (tanh,relu): sigmoid, tanh, relu, leaky-relu or identity (identity alone is the lab's \"no activation\" and applies to the output too). Default: sigmoid.")]
    [DefaultValue("sigmoid")]
    public string Activation { get; init; } = "sigmoid";

    /// <summary>Activation of the output layer.</summary>
    [CommandOption("--output-activation <NAME>")]
    [Description("Activation of the output neuron. Default: sigmoid (identity with --activation identity).")]
    public string? OutputActivation { get; init; }

    /// <summary>Slope below zero of leaky ReLU.</summary>
    [CommandOption("--leak <SLOPE>")]
    [Description("Slope below zero of leaky-relu layers, f(z) = leak * z for z < 0. Default: 0.01.")]
    [DefaultValue(0.01)]
    public double Leak { get; init; } = 0.01;

    /// <summary>Loss function.</summary>
    [CommandOption("--loss <NAME>")]
    [Description("Loss: mse (the lab's mean squared error) or bce (binary cross-entropy, needs a sigmoid output; computed from the logit). --target-loss is in this loss. Default: mse.")]
    [DefaultValue("mse")]
    public string Loss { get; init; } = "mse";

    /// <summary>Optimizer.</summary>
    [CommandOption("--optimizer <NAME>")]
    [Description("Optimizer, with torch.optim's update rules: sgd (the lab's plain gradient descent), momentum, nesterov, rmsprop or adam. Default: sgd.")]
    [DefaultValue("sgd")]
    public string Optimizer { get; init; } = "sgd";

    /// <summary>Momentum of momentum and Nesterov.</summary>
    [CommandOption("--momentum <MU>")]
    [Description("Momentum mu of momentum and nesterov, 0 <= value < 1. Default: 0.9.")]
    [DefaultValue(0.9)]
    public double Momentum { get; init; } = 0.9;

    /// <summary>Adam's beta1.</summary>
    [CommandOption("--beta1 <B>")]
    [Description("Adam's beta1, 0 <= value < 1. Default: 0.9.")]
    [DefaultValue(0.9)]
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's beta2.</summary>
    [CommandOption("--beta2 <B>")]
    [Description("Adam's beta2, 0 <= value < 1. Default: 0.999.")]
    [DefaultValue(0.999)]
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Epsilon of RMSprop and Adam.</summary>
    [CommandOption("--eps <E>")]
    [Description("Epsilon of rmsprop and adam, > 0. Default: 1e-8.")]
    [DefaultValue(1e-8)]
    public double Eps { get; init; } = 1e-8;

    /// <summary>RMSprop's alpha.</summary>
    [CommandOption("--alpha <A>")]
    [Description("Smoothing constant alpha of rmsprop, 0 <= value < 1. Default: 0.99.")]
    [DefaultValue(0.99)]
    public double Alpha { get; init; } = 0.99;

    /// <summary>L2 weight decay.</summary>
    [CommandOption("--l2 <RATE>")]
    [Description("L2 weight decay on the weights, not the biases (torch.optim's weight_decay): adds (l2/2) sum w^2 to the loss. Default: 0.")]
    [DefaultValue(0.0)]
    public double L2 { get; init; }

    /// <summary>L1 regularization.</summary>
    [CommandOption("--l1 <RATE>")]
    [Description("L1 regularization on the weights, not the biases: adds l1 sum |w| to the loss. Default: 0.")]
    [DefaultValue(0.0)]
    public double L1 { get; init; }

    /// <summary>Mini-batch size.</summary>
    [CommandOption("--batch-size <K>")]
    [Description("Points per optimizer step, reshuffled every epoch; the last batch is smaller when K does not divide the points. Default: every point (full batch, the lab's).")]
    public int? BatchSize { get; init; }

    /// <summary>Seed of the mini-batch shuffle.</summary>
    [CommandOption("--shuffle-seed <N>")]
    [Description("Seed of the per-epoch shuffle of mini-batches. Default: 1.")]
    [DefaultValue(1)]
    public int ShuffleSeed { get; init; } = 1;

    /// <summary>Turn biases off.</summary>
    [CommandOption("--no-bias")]
    [Description("No biases (the lab spec's network). Default: biases on, drawn from N(0,1) like the weights.")]
    public bool NoBias { get; init; }

    /// <summary>Maximum epochs.</summary>
    [CommandOption("--epochs <N>")]
    [Description("Maximum epochs (one epoch = one pass over the training points); snapshot trains exactly this many. Default: 100000.")]
    [DefaultValue(100_000)]
    public int Epochs { get; init; } = 100_000;

    /// <summary>Loss below which training stops.</summary>
    [CommandOption("--target-loss <LOSS>")]
    [Description("Stop when the loss (of --loss, without the regularization penalty) falls below this. Default: 0.005.")]
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
            var spec = ToSpec();
            var options = ToOptions();
            if (Points < 1) throw new ArgumentException($"--points must be at least 1, got {Points}");
            MemoryEstimate.Check(spec, Data == "xor" ? 21 : Points, options);
            options.ValidateFor(ToData().Count);
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
        var hidden = ParseHidden(Hidden);
        var activations = Activation.Split(',').Select(name => Activations.Parse(name, "--activation")).ToArray();
        var output = OutputActivation is null
            ? activations is [Network.Components.Activation.Identity] ? Network.Components.Activation.Identity : Network.Components.Activation.Sigmoid
            : Activations.Parse(OutputActivation, "--output-activation");
        var spec = new NetworkSpec
        {
            Hidden = hidden,
            HiddenActivations = activations,
            OutputActivation = output,
            Leak = Leak,
            UseBias = !NoBias,
            Seed = Seed,
        };
        spec.Validate();
        return spec;
    }

    /// <summary>The training options these options describe.</summary>
    public TrainingOptions ToOptions()
    {
        if (BatchSize is < 1) throw new ArgumentException($"--batch-size must be at least 1, got {BatchSize}");
        var options = new TrainingOptions
        {
            LearningRate = LearningRate,
            TargetLoss = TargetLoss,
            MaxEpochs = Epochs,
            Loss = Losses.Parse(Loss, "--loss"),
            Optimizer = new OptimizerSettings
            {
                Kind = Network.Systems.Optimizers.Parse(Optimizer, "--optimizer"),
                Momentum = Momentum,
                Beta1 = Beta1,
                Beta2 = Beta2,
                Eps = Eps,
                Alpha = Alpha,
            },
            L2 = L2,
            L1 = L1,
            BatchSize = BatchSize ?? 0,
            ShuffleSeed = ShuffleSeed,
        };
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
}
