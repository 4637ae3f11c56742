namespace NeuronSim.Network.Components;

/// <summary>A synapse's weight w and the loss gradient dL/dw from the last tick.</summary>
public struct Weight
{
    /// <summary>The weight value.</summary>
    public double Value;

    /// <summary>dL/dw, written by the back-propagation system.</summary>
    public double Grad;
}
