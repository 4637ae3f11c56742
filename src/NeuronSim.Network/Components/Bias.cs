namespace NeuronSim.Network.Components;

/// <summary>A neuron's bias b (z = sum w x + b) and the loss gradient dL/db from the last tick.</summary>
public struct Bias
{
    /// <summary>The bias value.</summary>
    public double Value;

    /// <summary>dL/db, written by the back-propagation system.</summary>
    public double Grad;
}
