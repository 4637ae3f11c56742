namespace NeuronSim.Network.Model;

/// <summary>Optimizers; each one's update rule is its system (see <see cref="Systems.Optimizers"/>).</summary>
public enum OptimizerKind
{
    /// <summary>Plain gradient descent (the lab's): w &lt;- w - lr g.</summary>
    Sgd,

    /// <summary>SGD with momentum, as torch.optim.SGD(momentum=mu).</summary>
    Momentum,

    /// <summary>SGD with Nesterov momentum, as torch.optim.SGD(momentum=mu, nesterov=True).</summary>
    Nesterov,

    /// <summary>RMSprop, as torch.optim.RMSprop(alpha, eps).</summary>
    RmsProp,

    /// <summary>Adam with bias correction, as torch.optim.Adam(betas, eps).</summary>
    Adam,
}
