using NeuronSim.Network.Components;
using NeuronSim.Network.Editing;
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
    /// A: the next hidden activation for every hidden layer (after the first hidden layer's own), set on the
    /// neurons' components: the weights and optimizer state stay and training goes on from the same epoch.
    /// </summary>
    private void CycleActivation()
    {
        var spec = Simulation.Spec;
        var current = spec.HiddenActivations[0];
        var next = ActivationCycle[(Array.IndexOf(ActivationCycle, current) + 1) % ActivationCycle.Length];
        try
        {
            new NetworkEditor(Simulation).SetHiddenActivation(next);
        }
        catch (ArgumentException error)
        {
            Message = error.Message;
            return;
        }
        _rate.Reset();
        Message = _edits.Log(Simulation, $"activation {Activations.NameOf(next)}");
    }
}
