using NeuronSim.Network.Components;
using NeuronSim.Network.Model;

namespace NeuronSim.Live;

/// <summary>The Playground's settings in the live view: the hidden activation (A), the discretized boundary (K) and recording (V).</summary>
public sealed partial class WatchController
{
    private bool _recordingToggleRequested;

    /// <summary>The hidden-layer activations A cycles through, by their names in <see cref="Activations"/>.</summary>
    public static readonly Activation[] ActivationCycle =
        [.. new[] { "sigmoid", "tanh", "relu", "leaky-relu" }.Select(name => Activations.Parse(name, "A"))];

    /// <summary>Whether the boundary heatmap shows only the predicted class (K), as the Playground's "discretize output".</summary>
    public bool Discretize { get; private set; }

    /// <summary>Whether the window's frames are being recorded into a GIF (the frame loop says so; the HUD shows REC).</summary>
    public bool Recording
    {
        get => _recording;
        set
        {
            if (_recording == value) return;
            _recording = value;
            Version++;
        }
    }
    private bool _recording;

    /// <summary>True once after V was pressed: the loop then starts or stops the recording.</summary>
    public bool TakeRecordingToggle()
    {
        var requested = _recordingToggleRequested;
        _recordingToggleRequested = false;
        return requested;
    }

    /// <summary>
    /// A: the next hidden activation for every hidden layer (after the first hidden layer's own). The run is
    /// rebuilt with the same weights, as O does (fresh optimizer state; the epoch count and loss history restart).
    /// </summary>
    private void CycleActivation()
    {
        var spec = Simulation.Spec;
        var current = spec.HiddenActivations[0];
        var next = ActivationCycle[(Array.IndexOf(ActivationCycle, current) + 1) % ActivationCycle.Length];
        try
        {
            Rebuild(spec with { HiddenActivations = [next] }, Simulation.Options, $"activation {Activations.NameOf(next)}");
        }
        catch (ArgumentException error)
        {
            Message = error.Message;
        }
    }
}
