namespace NeuronSim.Network.Components;

/// <summary>The names users give activations on the command line and in presets.</summary>
public static class ActivationNames
{
    /// <summary>The accepted names, for error messages.</summary>
    public const string Expected = "sigmoid, identity, tanh or relu";

    /// <summary>Parses sigmoid, identity (also "none", the lab's "no activation"), tanh or relu, ignoring case and spaces.</summary>
    public static bool TryParse(string text, out Activation activation)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "sigmoid": activation = Activation.Sigmoid; return true;
            case "identity" or "none": activation = Activation.Identity; return true;
            case "tanh": activation = Activation.Tanh; return true;
            case "relu": activation = Activation.Relu; return true;
            default: activation = default; return false;
        }
    }
}
