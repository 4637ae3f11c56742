using NeuronSim.Ecs;

namespace NeuronSim.Network.Components;

/// <summary>A connection from a neuron in one layer to a neuron in the next; its entity also holds a <see cref="Weight"/>.</summary>
/// <param name="From">The neuron whose output feeds the connection.</param>
/// <param name="To">The neuron whose net input receives w times that output.</param>
public readonly record struct Synapse(Entity From, Entity To);
