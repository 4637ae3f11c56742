namespace NeuronSim.Network.Components;

/// <summary>The momentum buffer b of SGD with momentum or Nesterov (torch.optim.SGD's momentum_buffer), on a weight or bias entity.</summary>
public struct Velocity
{
    /// <summary>b &lt;- mu b + g.</summary>
    public double Value;
}
