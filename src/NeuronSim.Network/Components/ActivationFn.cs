namespace NeuronSim.Network.Components;

/// <summary>Which activation function a neuron applies to its net input.</summary>
/// <param name="Kind">The function.</param>
/// <param name="Leak">The slope below zero of <see cref="Activation.LeakyRelu"/> (unused by the others).</param>
public readonly record struct ActivationFn(Activation Kind, double Leak = 0);
