namespace NeuronSim.Network.Model;

/// <summary>Loss functions; each one's value and output delta are in <see cref="Losses"/>.</summary>
public enum LossKind
{
    /// <summary>Mean squared error, the lab's: L = (1/n) sum (y_hat - y)^2.</summary>
    Mse,

    /// <summary>Binary cross-entropy: L = -(1/n) sum [y log y_hat + (1 - y) log(1 - y_hat)], on a sigmoid output.</summary>
    Bce,
}
