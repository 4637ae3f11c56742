using NeuronSim.Ecs;
using NeuronSim.Network.Components;

namespace NeuronSim.Network.Topology;

/// <summary>
/// One layer of the network resolved into dense order: its neurons by index, references to
/// their per-sample vectors (the <see cref="NeuronState"/> arrays themselves, not copies), and
/// where its weights sit in the network's flat parameter arrays.
/// </summary>
public sealed class LayerView
{
    internal LayerView(int index, Entity[] neurons, NeuronState[] states, ActivationFn activation, bool hasBias, int fanIn, int weightOffset)
    {
        Index = index;
        Neurons = neurons;
        Out = states.Select(s => s.Out).ToArray();
        Delta = states.Select(s => s.Delta).ToArray();
        Activation = activation;
        HasBias = hasBias;
        FanIn = fanIn;
        WeightOffset = weightOffset;
        Bias = new double[hasBias ? neurons.Length : 0];
        BiasGrad = new double[Bias.Length];
    }

    /// <summary>The layer's number (0 = input).</summary>
    public int Index { get; }

    /// <summary>The layer's neuron entities, by <see cref="Neuron.Index"/>.</summary>
    public Entity[] Neurons { get; }

    /// <summary>How many neurons.</summary>
    public int Size => Neurons.Length;

    /// <summary>Output a per neuron, per sample.</summary>
    public double[][] Out { get; }

    /// <summary>dL/dz per neuron, per sample.</summary>
    public double[][] Delta { get; }

    /// <summary>The layer's activation function (identity for the input layer).</summary>
    public ActivationFn Activation { get; }

    /// <summary>Whether the layer's neurons have biases.</summary>
    public bool HasBias { get; }

    /// <summary>Neurons in the previous layer (0 for the input layer).</summary>
    public int FanIn { get; }

    /// <summary>How many weights feed this layer.</summary>
    public int WeightCount => FanIn * Size;

    /// <summary>Where this layer's weights start in the flat arrays (row-major: w_ji at offset + j * FanIn + i).</summary>
    public int WeightOffset { get; }

    /// <summary>Bias values, gathered from the <see cref="Components.Bias"/> components each tick.</summary>
    public double[] Bias { get; }

    /// <summary>Bias gradients, before they are written to the components.</summary>
    public double[] BiasGrad { get; }
}
