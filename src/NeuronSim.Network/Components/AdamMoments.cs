namespace NeuronSim.Network.Components;

/// <summary>Adam's moment estimates (torch.optim.Adam's exp_avg and exp_avg_sq), on a weight or bias entity.</summary>
public struct AdamMoments
{
    /// <summary>m &lt;- beta1 m + (1 - beta1) g.</summary>
    public double ExpAvg;

    /// <summary>v &lt;- beta2 v + (1 - beta2) g^2.</summary>
    public double ExpAvgSq;
}
