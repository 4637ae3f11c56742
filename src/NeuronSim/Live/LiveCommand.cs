namespace NeuronSim.Live;

/// <summary>What the user can ask the live view to do (one per key, see <see cref="KeyMap"/>).</summary>
public enum LiveCommand
{
    /// <summary>A key the view does not use.</summary>
    None,

    /// <summary>Play or pause training.</summary>
    TogglePlay,

    /// <summary>Train exactly one epoch.</summary>
    StepOne,

    /// <summary>Train exactly 100 epochs.</summary>
    StepHundred,

    /// <summary>More epochs per frame.</summary>
    Faster,

    /// <summary>Fewer epochs per frame.</summary>
    Slower,

    /// <summary>New random weights (the next seed), back to epoch 0.</summary>
    Reset,

    /// <summary>Switch to the next data set.</summary>
    NextDataSet,

    /// <summary>Show or hide the decision boundary heatmap.</summary>
    ToggleBoundary,

    /// <summary>Save the current frame as a PNG.</summary>
    Screenshot,

    /// <summary>Show or hide the help overlay.</summary>
    ToggleHelp,

    /// <summary>Quit.</summary>
    Quit,
}
