namespace NeuronSim.Network.Components;

/// <summary>Which activation function a neuron applies to its net input.</summary>
/// <param name="Kind">The function.</param>
public readonly record struct ActivationFn(Activation Kind);
