namespace NeuronSim.Network.Components;

/// <summary>A tag on a weight or neuron entity: the optimizer and regularization systems leave its value as it is.</summary>
public struct Frozen;
