using NeuronSim.Network.Components;

namespace NeuronSim.Network.Model;

/// <summary>
/// The shape of a network: 2 inputs, any number of hidden layers, 1 output, an activation per
/// layer, biases on or off, and the seed of the initial weights.
/// Weights (and biases) start as draws from a standard normal N(0, 1), as in the lab.
/// </summary>
public sealed record NetworkSpec
{
    /// <summary>Input features (the lab's points are 2-D).</summary>
    public const int Inputs = 2;

    /// <summary>Output units (one 0/1 prediction).</summary>
    public const int Outputs = 1;

    /// <summary>The most hidden layers a spec may have.</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>The most units a hidden layer may have.</summary>
    public const int MaxUnits = 1024;

    /// <summary>Units per hidden layer, input side first; the lab's default is 4, 4.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [4, 4];

    /// <summary>Activation of the hidden layers.</summary>
    public Activation HiddenActivation { get; init; } = Activation.Sigmoid;

    /// <summary>Activation of the output layer.</summary>
    public Activation OutputActivation { get; init; } = Activation.Sigmoid;

    /// <summary>Whether non-input neurons have a bias (default on).</summary>
    public bool UseBias { get; init; } = true;

    /// <summary>Seed of the initial weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Units per layer including input and output, e.g. 2, 4, 4, 1.</summary>
    public int[] LayerSizes => [Inputs, .. Hidden, Outputs];

    /// <summary>The activation of layer <paramref name="layer"/> (1 = first hidden).</summary>
    public Activation ActivationOf(int layer) => layer == Hidden.Count + 1 ? OutputActivation : HiddenActivation;

    /// <summary>A spec with the same activation on every layer (the lab's "no activation" uses identity everywhere).</summary>
    public static NetworkSpec Uniform(IReadOnlyList<int> hidden, Activation activation, bool useBias, int seed) => new()
    {
        Hidden = hidden,
        HiddenActivation = activation,
        OutputActivation = activation,
        UseBias = useBias,
        Seed = seed,
    };

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when the spec is out of range.</summary>
    public void Validate()
    {
        if (Hidden.Count > MaxHiddenLayers)
        {
            throw new ArgumentException($"at most {MaxHiddenLayers} hidden layers are supported, got {Hidden.Count}");
        }
        foreach (var units in Hidden)
        {
            if (units < 1 || units > MaxUnits)
            {
                throw new ArgumentException($"a hidden layer needs 1 to {MaxUnits} units, got {units}");
            }
        }
    }

    /// <summary>"2-4-4-1 sigmoid, bias".</summary>
    public override string ToString() =>
        $"{string.Join('-', LayerSizes)} {HiddenActivation.ToString().ToLowerInvariant()}"
        + (OutputActivation != HiddenActivation ? $"/{OutputActivation.ToString().ToLowerInvariant()}" : "")
        + (UseBias ? ", bias" : ", no bias");
}
