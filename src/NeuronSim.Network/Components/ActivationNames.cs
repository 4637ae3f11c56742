using NeuronSim.Network.Model;

namespace NeuronSim.Network.Components;

/// <summary>The names users give activations on the command line and in presets: read from <see cref="Activations"/>.</summary>
public static class ActivationNames
{
    /// <summary>The accepted names, for error messages.</summary>
    public static string Expected => Activations.Expected;

    /// <summary>Parses a name from the activation table, ignoring case and spaces.</summary>
    public static bool TryParse(string text, out Activation activation) => Activations.TryParse(text, out activation);
}
