using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Live;

/// <summary>
/// The live view's keys: one table that the controller (<see cref="ToCommand"/>), the help overlay
/// and the footer (<see cref="Help"/>, <see cref="Footer"/>) all read.
/// </summary>
public static class KeyMap
{
    /// <summary>One key binding: the presses that mean <paramref name="Command"/>, and how help names them.</summary>
    /// <param name="Command">What the presses ask for.</param>
    /// <param name="Keys">The keys as help shows them ("N or Right").</param>
    /// <param name="What">What the command does, for the help overlay.</param>
    /// <param name="Footer">The short form for the one-line footer, or null to leave it out there.</param>
    /// <param name="Presses">The presses; a press without Shift matches with or without it unless a Shift binding of the same key comes first.</param>
    public sealed record Binding(LiveCommand Command, string Keys, string What, string? Footer, params KeyPress[] Presses);

    private static KeyPress P(Key key, bool shift = false, bool ctrl = false) => new(key, shift, ctrl);

    /// <summary>Every binding, in the order help lists them.</summary>
    public static IReadOnlyList<Binding> Bindings { get; } =
    [
        new(LiveCommand.TogglePlay, "Space", "play / pause training", "Space play/pause", P(Key.Space)),
        new(LiveCommand.StepHundred, "Shift+Right", "train exactly 100 epochs", "Shift+Right +100", P(Key.Right, shift: true)),
        new(LiveCommand.StepOne, "N or Right", "train exactly one epoch", "N or Right +1 epoch", P(Key.N), P(Key.Right)),
        new(LiveCommand.Faster, "Up", "faster: more epochs per frame (up to 10000)", "Up/Down speed", P(Key.Up)),
        new(LiveCommand.Slower, "Down", "slower: fewer epochs per frame (down to 1)", null, P(Key.Down)),
        new(LiveCommand.Reset, "R", "reset: new random weights (next seed), epoch 0", "R reset", P(Key.R)),
        new(LiveCommand.NextDataSet, "D", "next built-in data set, at its default size", "D data set", P(Key.D)),
        new(LiveCommand.NoiseDown, "Shift+M", "less noise (-0.05; rebuilds the run)", null, P(Key.M, shift: true)),
        new(LiveCommand.NoiseUp, "M", "more noise (+0.05, up to 0.5; rebuilds the run)", "M/Shift+M noise", P(Key.M)),
        new(LiveCommand.TestRatioDown, "Shift+T", "smaller held-out test set (-0.1; rebuilds the run)", null, P(Key.T, shift: true)),
        new(LiveCommand.TestRatioUp, "T", "larger held-out test set (+0.1, up to 0.9; rebuilds)", "T/Shift+T test ratio", P(Key.T)),
        new(LiveCommand.ToggleBoundary, "B", "decision boundary heatmap on / off", "B boundary", P(Key.B)),
        new(LiveCommand.ToggleGradients, "G", "graph: weights / gradients dL/dw (own scale)", "G gradients", P(Key.G)),
        new(LiveCommand.Prune, "click, Delete", "click an edge to select it; Delete (or Backspace) prunes it", "click+Del prune", P(Key.Delete), P(Key.Backspace)),
        new(LiveCommand.TypeWeight, "click, 0-9 . Enter", "selected edge: type a weight + Enter (Esc cancels), or drag up/down", "click+0-9 weight",
            [.. Enumerable.Range(0, 10).Select(d => P(Key.Digit0 + d)), P(Key.Period)]),
        new(LiveCommand.Freeze, "F", "freeze / unfreeze the hovered neuron (its bias) or edge", "F freeze", P(Key.F)),
        new(LiveCommand.CycleLayer, "Tab", "select the next hidden layer (the hovered layer wins)", "Tab layer", P(Key.Tab)),
        new(LiveCommand.AddNeuron, "+", "add a neuron to the layer", "+/- neuron", P(Key.Plus), P(Key.EqualsSign), P(Key.KeypadPlus)),
        new(LiveCommand.RemoveNeuron, "-", "remove the layer's last neuron", null, P(Key.Minus), P(Key.KeypadMinus)),
        new(LiveCommand.RemoveLayer, "Shift+L", "remove the layer", null, P(Key.L, shift: true)),
        new(LiveCommand.AddLayer, "L", "add a hidden layer after the layer", "L/Shift+L layer", P(Key.L)),
        new(LiveCommand.LearningRateDown, "[", "learning rate / 3.16", "[ ] rate", P(Key.LeftBracket)),
        new(LiveCommand.LearningRateUp, "]", "learning rate x 3.16", null, P(Key.RightBracket)),
        new(LiveCommand.CycleOptimizer, "O", "optimizer: sgd, momentum, adam (fresh state; training goes on)", "O optimizer", P(Key.O)),
        new(LiveCommand.BatchLarger, "Shift+Z", "larger mini-batch, up to full (training goes on)", null, P(Key.Z, shift: true)),
        new(LiveCommand.BatchSmaller, "Z", "batch size: full, 128, 64, ..., 2, 1 (training goes on)", "Z/Shift+Z batch", P(Key.Z)),
        new(LiveCommand.CycleRegularization, "J", "regularization: none, L1, L2 (training goes on)", "J regularization", P(Key.J)),
        new(LiveCommand.RegularizationRateDown, ";", "regularization rate / 3.16", "; ' reg. rate", P(Key.Semicolon)),
        new(LiveCommand.RegularizationRateUp, "'", "regularization rate x 3.16", null, P(Key.Apostrophe)),
        new(LiveCommand.CycleActivation, "A", "activation: sigmoid, tanh, relu, leaky-relu (training goes on)", "A activation", P(Key.A)),
        new(LiveCommand.ToggleDiscretize, "K", "boundary: predicted class only (discretize) / value", "K discretize", P(Key.K)),
        new(LiveCommand.ToggleRecording, "V", "record the window into a GIF / stop and save it", "V record", P(Key.V)),
        new(LiveCommand.SaveRun, "Ctrl+S", "save the run (.safetensors, path printed; --load continues it)", "Ctrl+S save", P(Key.S, ctrl: true)),
        new(LiveCommand.ToggleNeuronMaps, "E", "neurons: each one's output over the domain / filled by its mean", "E maps", P(Key.E)),
        new(LiveCommand.Screenshot, "S", "save a PNG screenshot (the path is printed)", "S screenshot", P(Key.S)),
        new(LiveCommand.ToggleHelp, "H", "this help", "H help", P(Key.H)),
        new(LiveCommand.Quit, "Esc or Q", "quit", "Esc/Q quit", P(Key.Escape), P(Key.Q)),
    ];

    /// <summary>What <paramref name="press"/> means: an exact match (Shift and Ctrl as pressed) first, else a binding of the key without Shift.</summary>
    public static LiveCommand ToCommand(KeyPress press)
    {
        foreach (var binding in Bindings)
        {
            if (binding.Presses.Contains(press)) return binding.Command;
        }
        if (!press.Shift) return LiveCommand.None;
        var unshifted = press with { Shift = false };
        foreach (var binding in Bindings)
        {
            if (binding.Presses.Contains(unshifted)) return binding.Command;
        }
        return LiveCommand.None;
    }

    /// <summary>Every binding as the help overlay lists it.</summary>
    public static IReadOnlyList<KeyHelpLine> Help { get; } = [.. Bindings.Select(b => new KeyHelpLine(b.Keys, b.What))];

    /// <summary>The one-line footer: the short forms.</summary>
    public static string Footer { get; } = string.Join("   ", Bindings.Where(b => b.Footer is not null).Select(b => b.Footer));
}
