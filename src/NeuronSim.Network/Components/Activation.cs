namespace NeuronSim.Network.Components;

/// <summary>Activation functions a layer can use; each one's f, f' and display range are in <see cref="Model.Activations"/>.</summary>
public enum Activation
{
    /// <summary>sigma(z) = 1 / (1 + e^-z); sigma'(z) = sigma(z)(1 - sigma(z)).</summary>
    Sigmoid,

    /// <summary>f(z) = z; f'(z) = 1 (the lab's "no activation").</summary>
    Identity,

    /// <summary>tanh(z); f'(z) = 1 - tanh(z)^2.</summary>
    Tanh,

    /// <summary>max(0, z); f'(z) = 1 for z &gt; 0, else 0.</summary>
    Relu,

    /// <summary>z for z &gt; 0, else leak * z; f'(z) = 1 for z &gt; 0, else leak.</summary>
    LeakyRelu,
}
