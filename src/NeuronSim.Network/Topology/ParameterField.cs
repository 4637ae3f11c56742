namespace NeuronSim.Network.Topology;

/// <summary>Which field of a <see cref="Components.Weight"/> or <see cref="Components.Bias"/> a transfer between components and the dense view moves.</summary>
public enum ParameterField
{
    /// <summary>The parameter's value.</summary>
    Value,

    /// <summary>The loss gradient.</summary>
    Grad,
}
