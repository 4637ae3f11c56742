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

    /// <summary>Prune the selected edge (its weight entity is destroyed).</summary>
    Prune,

    /// <summary>Freeze or unfreeze the hovered neuron (its bias) or edge.</summary>
    Freeze,

    /// <summary>Select the next hidden layer.</summary>
    CycleLayer,

    /// <summary>Add a neuron to the hovered or selected hidden layer.</summary>
    AddNeuron,

    /// <summary>Remove the last neuron of the hovered or selected hidden layer.</summary>
    RemoveNeuron,

    /// <summary>Add a hidden layer after the hovered or selected one.</summary>
    AddLayer,

    /// <summary>Remove the hovered or selected hidden layer.</summary>
    RemoveLayer,

    /// <summary>Learning rate times about 3.</summary>
    LearningRateUp,

    /// <summary>Learning rate divided by about 3.</summary>
    LearningRateDown,

    /// <summary>A smaller mini-batch: the next of full, 128, 64, 32, 16, 8, 4, 2, 1 (training goes on from this epoch).</summary>
    BatchSmaller,

    /// <summary>A larger mini-batch, up to the full batch (training goes on from this epoch).</summary>
    BatchLarger,

    /// <summary>The next regularization: none, L1, L2 (training goes on from this epoch).</summary>
    CycleRegularization,

    /// <summary>Regularization rate times about 3.</summary>
    RegularizationRateUp,

    /// <summary>Regularization rate divided by about 3.</summary>
    RegularizationRateDown,

    /// <summary>Switch to one built-in data set (the panel's data set buttons; the argument is its index in the list of built-in sets).</summary>
    ChooseDataSet,

    /// <summary>The next optimizer: sgd, momentum, adam.</summary>
    CycleOptimizer,

    /// <summary>The next hidden-layer activation: sigmoid, tanh, relu, leaky-relu (training goes on from this epoch).</summary>
    CycleActivation,

    /// <summary>Show the decision boundary as the predicted class only, or as the output's value.</summary>
    ToggleDiscretize,

    /// <summary>Start or stop recording the window's frames into an animated GIF.</summary>
    ToggleRecording,

    /// <summary>A digit or '.' with no edge selected (with one selected, typing sets its weight).</summary>
    TypeWeight,

    /// <summary>Save the run to a timestamped .safetensors file.</summary>
    SaveRun,

    /// <summary>Draw each neuron as a map of its own output, or filled by its mean activation.</summary>
    ToggleNeuronMaps,

    /// <summary>Save the current frame as a PNG.</summary>
    Screenshot,

    /// <summary>Show or hide the help overlay.</summary>
    ToggleHelp,

    /// <summary>Quit.</summary>
    Quit,
}
