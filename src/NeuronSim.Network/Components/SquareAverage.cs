namespace NeuronSim.Network.Components;

/// <summary>RMSprop's running average of squared gradients v (torch.optim.RMSprop's square_avg), on a weight or bias entity.</summary>
public struct SquareAverage
{
    /// <summary>v &lt;- alpha v + (1 - alpha) g^2.</summary>
    public double Value;
}
