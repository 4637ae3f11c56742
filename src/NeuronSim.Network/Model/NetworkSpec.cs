using NeuronSim.Network.Components;
using NeuronSim.Network.Data;

namespace NeuronSim.Network.Model;

/// <summary>
/// The shape of a network: its inputs, any number of hidden layers, 1 output, an activation per
/// layer, biases on or off, and the seed of the initial weights.
/// Weights (and biases) start as draws from a standard normal N(0, 1), as in the lab.
/// </summary>
public sealed record NetworkSpec
{
    /// <summary>Output units (one 0/1 prediction).</summary>
    public const int Outputs = 1;

    /// <summary>The most hidden layers a spec may have.</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>The most units a hidden layer may have.</summary>
    public const int MaxUnits = 1024;

    /// <summary>The input features, one input neuron each (the lab's: x0, x1).</summary>
    public FeatureSet Features { get; init; } = InputFeatures.Default;

    /// <summary>Input neurons: one per input feature.</summary>
    public int Inputs => Features.Count;

    /// <summary>Units per hidden layer, input side first; the lab's default is 4, 4.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [4, 4];

    /// <summary>Activation of the hidden layers: one for every layer, or one per hidden layer.</summary>
    public IReadOnlyList<Activation> HiddenActivations { get; init; } = [Activation.Sigmoid];

    /// <summary>Activation of the output layer.</summary>
    public Activation OutputActivation { get; init; } = Activation.Sigmoid;

    /// <summary>The slope below zero of leaky ReLU layers.</summary>
    public double Leak { get; init; } = 0.01;

    /// <summary>Whether non-input neurons have a bias (default on).</summary>
    public bool UseBias { get; init; } = true;

    /// <summary>Seed of the initial weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Units per layer including input and output, e.g. 2, 4, 4, 1.</summary>
    public int[] LayerSizes => [Inputs, .. Hidden, Outputs];

    /// <summary>The activation of layer <paramref name="layer"/> (1 = first hidden; the last is the output).</summary>
    public ActivationFn ActivationOf(int layer) => new(
        layer == Hidden.Count + 1 ? OutputActivation : HiddenActivations[HiddenActivations.Count == 1 ? 0 : layer - 1], Leak);

    /// <summary>A spec with the same activation on every layer (the lab's "no activation" uses identity everywhere).</summary>
    public static NetworkSpec Uniform(IReadOnlyList<int> hidden, Activation activation, bool useBias, int seed) => new()
    {
        Hidden = hidden,
        HiddenActivations = [activation],
        OutputActivation = activation,
        UseBias = useBias,
        Seed = seed,
    };

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason naming the option when the spec is out of range.</summary>
    public void Validate()
    {
        if (Hidden.Count > MaxHiddenLayers)
        {
            throw new ArgumentException($"--hidden: at most {MaxHiddenLayers} hidden layers are supported, got {Hidden.Count}");
        }
        foreach (var units in Hidden)
        {
            if (units < 1 || units > MaxUnits)
            {
                throw new ArgumentException($"--hidden: a hidden layer needs 1 to {MaxUnits} units, got {units}");
            }
        }
        if (HiddenActivations.Count != 1 && HiddenActivations.Count != Hidden.Count)
        {
            throw new ArgumentException($"--activation takes one name or one per hidden layer ({Hidden.Count}), got {HiddenActivations.Count}");
        }
        if (!(Leak >= 0) || double.IsInfinity(Leak)) throw new ArgumentException($"--leak must be zero or a positive number, got {Leak}");
    }

    /// <summary>"2-4-4-1 sigmoid, bias"; "2-8-8-1 relu,tanh/sigmoid, bias" when the layers differ.</summary>
    public override string ToString()
    {
        var hidden = string.Join(',', HiddenActivations.Select(Activations.NameOf));
        var output = Activations.NameOf(OutputActivation);
        var activations = Hidden.Count == 0 ? output : HiddenActivations.All(a => a == OutputActivation) ? output : $"{hidden}/{output}";
        var features = Features.Names.SequenceEqual(InputFeatures.Default.Names) ? "" : $" on {Features}";
        return $"{string.Join('-', LayerSizes)} {activations}" + (UseBias ? ", bias" : ", no bias") + features;
    }
}
