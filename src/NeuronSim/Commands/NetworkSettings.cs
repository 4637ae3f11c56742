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
    /// <summary>The data set: a built-in name or a CSV file.</summary>
    [CommandOption("--data <NAME|FILE>")]
    [Description("Data set: xor (the lab's 21 points), linear (label 1 where x0 <= x1), circle, gauss (two blobs), spiral (two spirals), xor-quadrants (the Playground's XOR), or a CSV file of x0,x1,label rows (header optional, comma or semicolon, labels 0 and 1). Default: xor.")]
    [DefaultValue("xor")]
    public string Data { get; init; } = "xor";

    /// <summary>Points generated.</summary>
    [CommandOption("--points <N>")]
    [Description("Points to generate, 1 to 1000000 (not for xor or a file). Default: 100 for linear, 500 for the Playground's sets.")]
    public int? Points { get; init; }

    /// <summary>Noise of the Playground's sets.</summary>
    [CommandOption("--noise <N>")]
    [Description("Noise of circle, gauss, spiral and xor-quadrants, 0 to 0.5 as in TensorFlow Playground. Default: 0.")]
    [DefaultValue(0.0)]
    public double Noise { get; init; }

    /// <summary>Seed of the generated data and of the test split.</summary>
    [CommandOption("--data-seed <N>")]
    [Description("Seed of the generated points and of the test split, apart from --seed, so several weight seeds learn the same data. Default: 1.")]
    [DefaultValue(1)]
    public int DataSeed { get; init; } = 1;

    /// <summary>Fraction of points held out for testing.</summary>
    [CommandOption("--test-ratio <R>")]
    [Description("Fraction of the points held out as a test set (stratified, seeded by --data-seed), 0 <= R < 1. Default: 0: the lab's way, where \"test\" is the training set.")]
    [DefaultValue(0.0)]
    public double TestRatio { get; init; }

    /// <summary>Input features.</summary>
    [CommandOption("--features <LIST>")]
    [Description("Input features, one input neuron each, comma separated: x0, x1, x0sq, x1sq, x0x1, sinx0, sinx1. Default: x0,x1.")]
    [DefaultValue("x0,x1")]
    public string Features { get; init; } = "x0,x1";

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

    /// <summary>A checkpoint to continue.</summary>
    [CommandOption("--load <FILE>")]
    [Description("Continue the run saved in FILE (a .safetensors checkpoint NeuronSim saved, or a PyTorch nn.Sequential state_dict saved with safetensors): its network, settings, data, epoch and optimizer state; options given here override the settings, and one that contradicts the network is an error.")]
    public string? Load { get; init; }

    /// <summary>Seed of the initial weights.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the N(0,1) initial weights. Default: 1.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        try
        {
            var spec = ToSpec();
            var options = ToOptions();
            if (DataSets.Find(Data) is { } entry)
            {
                if (Points is not null && !entry.TakesPoints) throw new ArgumentException($"--points: {entry.Name} has a fixed {entry.DefaultPoints} points");
                if (Noise != 0 && !entry.TakesNoise) throw new ArgumentException($"--noise: {entry.Name} takes no noise (circle, gauss, spiral and xor-quadrants do)");
                if (Points is < 1 or > DataSets.MaxPoints) throw new ArgumentException($"--points must be 1 to {DataSets.MaxPoints}, got {Points}");
                MemoryEstimate.Check(spec, Points ?? entry.DefaultPoints, options);
            }
            else if (Points is not null) throw new ArgumentException("--points: a data file has the points it has");
            var split = ToSplit();
            options.ValidateFor(split.Train.Count);
            return ValidationResult.Success();
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }
        catch (DataFileException error)
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
            Features = ParseFeatures(Features),
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

    /// <summary>Whether --epochs 0 is a legitimate request (snapshot: the untrained network); else at least 1 epoch.</summary>
    protected virtual bool EpochsMayBeZero => false;

    /// <summary>The training options these options describe.</summary>
    public TrainingOptions ToOptions()
    {
        // A command that takes 0 epochs sets its own stop (snapshot trains exactly --epochs): 1 keeps the options valid.
        return ToOptionsFor(Epochs == 0 && EpochsMayBeZero ? 1 : Epochs);
    }

    private TrainingOptions ToOptionsFor(int epochs)
    {
        if (BatchSize is < 1) throw new ArgumentException($"--batch-size must be at least 1, got {BatchSize}");
        var options = new TrainingOptions
        {
            LearningRate = LearningRate,
            TargetLoss = TargetLoss,
            MaxEpochs = epochs,
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

    /// <summary>The training points and the held-out test points (the same set at --test-ratio 0), as the window's data keys make them too.</summary>
    /// <exception cref="ArgumentException">Points, noise or test ratio out of range, an unknown name.</exception>
    /// <exception cref="DataFileException">The file is refused (the message is <c>file:line: reason</c>).</exception>
    public DataSplit ToSplit()
    {
        if (!(Noise >= 0 && Noise <= DataSets.MaxNoise)) throw new ArgumentException($"--noise must be 0 to {DataSets.MaxNoise}, got {Noise}");
        if (!(TestRatio >= 0 && TestRatio < 1)) throw new ArgumentException($"--test-ratio must be at least 0 and below 1, got {TestRatio}");
        return Live.DataChoice.From(this).Split();
    }

    /// <summary>Parses "x0,x1,x0sq" into the feature set, naming the option in errors.</summary>
    public static FeatureSet ParseFeatures(string text)
    {
        try
        {
            return InputFeatures.Parse(text);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException("--features: " + error.Message);
        }
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
