namespace NeuronSim.Rendering.Frame;

/// <summary>What the live view adds to the simulation's own state, for the HUD and overlays.</summary>
public sealed record ViewState
{
    /// <summary>Whether training runs on its own (Space toggles).</summary>
    public bool Playing { get; init; }

    /// <summary>Epochs trained per frame while playing.</summary>
    public int EpochsPerFrame { get; init; } = 1;

    /// <summary>Epochs per second actually trained, measured (NaN when not measured, as in a snapshot).</summary>
    public double EpochsPerSecond { get; init; } = double.NaN;

    /// <summary>Epochs per frame actually trained while playing, measured (NaN when not measured); less than <see cref="EpochsPerFrame"/> when a frame's time budget runs out first.</summary>
    public double EpochsPerFrameDone { get; init; } = double.NaN;

    /// <summary>Whether the decision boundary heatmap is drawn (the data points always are).</summary>
    public bool ShowBoundary { get; init; } = true;

    /// <summary>Whether the help overlay is shown.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The epoch at which the loss first fell below the target, if it has.</summary>
    public int? ConvergedAt { get; init; }

    /// <summary>
    /// The input point under the mouse in the decision-boundary plot, or null: the graph then
    /// shows every neuron's activation for that one input instead of the batch mean.
    /// </summary>
    public (double X0, double X1)? Probe { get; init; }

    /// <summary>A short message for the HUD (for example where a screenshot was saved), or null.</summary>
    public string? Message { get; init; }

    /// <summary>Whether each neuron is drawn as a map of its own output over the domain (E toggles; off: filled by its mean activation).</summary>
    public bool ShowNeuronMaps { get; init; } = true;

    /// <summary>Whether the boundary heatmap shows only the predicted class ("discretize output").</summary>
    public bool Discretize { get; init; }

    /// <summary>Whether the window is being recorded (the HUD shows REC).</summary>
    public bool Recording { get; init; }

    /// <summary>Whether the graph draws each weight's last gradient instead of the weight (G).</summary>
    public bool ShowGradients { get; init; }

    /// <summary>The mouse in logical frame pixels (the 1280x800 design), or null when it is outside the window.</summary>
    public (float X, float Y)? Mouse { get; init; }

    /// <summary>The neuron or edge under the mouse: highlighted, with a tooltip.</summary>
    public GraphTarget? Hover { get; init; }

    /// <summary>The selected edge (a click), drawn highlighted.</summary>
    public GraphTarget? Selected { get; init; }

    /// <summary>The hidden layer that +, -, L and Shift+L act on (0: none), marked in the graph.</summary>
    public int SelectedLayer { get; init; }

    /// <summary>The keys the help overlay lists (the live view's key table), in order.</summary>
    public IReadOnlyList<KeyHelpLine> Keys { get; init; } = [];

    /// <summary>The one-line key help of the footer (the short forms of <see cref="Keys"/>).</summary>
    public string KeyFooter { get; init; } = "";

    /// <summary>The control panel's rows (the live window's; empty: the frame has no panel, as a snapshot).</summary>
    public IReadOnlyList<PanelRow> Panel { get; init; } = [];

    /// <summary>Every control of the panel with its keys, for the help overlay's second page.</summary>
    public IReadOnlyList<KeyHelpLine> Controls { get; init; } = [];

    /// <summary>The help overlay's page: 0 the keys, 1 the panel's controls.</summary>
    public int HelpPage { get; init; }

    /// <summary>The state of a headless snapshot: paused, boundary on, no measured speed.</summary>
    public static ViewState Snapshot { get; } = new();
}
