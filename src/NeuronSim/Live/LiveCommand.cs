namespace NeuronSim.Live;

/// <summary>What the user can ask the live view to do (the keys are in <see cref="KeyMap"/>).</summary>
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

    /// <summary>Switch to the next built-in data set at its default size.</summary>
    NextDataSet,

    /// <summary>More noise in the data (rebuilds the run).</summary>
    NoiseUp,

    /// <summary>Less noise in the data (rebuilds the run).</summary>
    NoiseDown,

    /// <summary>A larger held-out test fraction (rebuilds the run).</summary>
    TestRatioUp,

    /// <summary>A smaller held-out test fraction (rebuilds the run).</summary>
    TestRatioDown,

    /// <summary>Show or hide the decision boundary heatmap.</summary>
    ToggleBoundary,

    /// <summary>Draw the graph's edges by their last gradient instead of their weight, or back.</summary>
    ToggleGradients,

    /// <summary>Save the current frame as a PNG.</summary>
    Screenshot,

    /// <summary>Show or hide the help overlay.</summary>
    ToggleHelp,

    /// <summary>Quit.</summary>
    Quit,
}
