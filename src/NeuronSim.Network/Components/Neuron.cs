namespace NeuronSim.Network.Components;

/// <summary>A neuron's place in the network: its layer (0 = input) and its index within the layer.</summary>
/// <param name="Layer">0 for the input layer, then 1, 2, ... up to the output layer.</param>
/// <param name="Index">Position within the layer, from 0.</param>
public readonly record struct Neuron(int Layer, int Index);
