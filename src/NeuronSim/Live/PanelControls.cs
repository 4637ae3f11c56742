using NeuronSim.Network.Model;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>
/// The control panel's table, beside <see cref="KeyMap"/>: each row of the panel and, for each of
/// its buttons, the <see cref="LiveCommand"/> a click runs (the same command as its key, so a click
/// and a key press take one path), what the button says and whether it is lit. The rows' values are
/// read from the controller; the hints and the help overlay's lines name the keys from <see cref="KeyMap"/>.
/// </summary>
public static class PanelControls
{
    /// <summary>One button: the command a click runs (with its argument, the data set of <see cref="LiveCommand.ChooseDataSet"/>).</summary>
    /// <param name="Command">What a click asks for.</param>
    /// <param name="Name">What the button says (and help calls it) unless <paramref name="Text"/> says otherwise.</param>
    /// <param name="On">Whether it is lit (null: never).</param>
    /// <param name="Argument">The command's argument.</param>
    /// <param name="Text">What the button says for the controller's state (null: <paramref name="Name"/>).</param>
    public sealed record Button(LiveCommand Command, string Name, Func<WatchController, bool>? On = null, int Argument = 0, Func<WatchController, string>? Text = null)
    {
        /// <summary>What the button says for <paramref name="controller"/>'s state.</summary>
        public string TextFor(WatchController controller) => Text?.Invoke(controller) ?? Name;
    }

    /// <summary>One row of the panel.</summary>
    /// <param name="Section">DATA, TRAINING, NETWORK or VIEW.</param>
    /// <param name="Label">The label ("" for a row of buttons only).</param>
    /// <param name="What">What the row does, for the help overlay.</param>
    /// <param name="Value">The value shown beside the buttons (null: the one button shows it, or there is none).</param>
    /// <param name="Buttons">The buttons, left to right.</param>
    public sealed record Control(string Section, string Label, string What, Func<WatchController, string>? Value, params Button[] Buttons);

    private static Button Fixed(LiveCommand command, string text, Func<WatchController, bool>? on = null) => new(command, text, on);

    private static Button Minus(LiveCommand command) => Fixed(command, "−");

    private static Button Plus(LiveCommand command) => Fixed(command, "+");

    /// <summary>A data set's name as its button says it: "quadrants" for "xor-quadrants" (the hint names it in full).</summary>
    private static Func<WatchController, string>? ShortName(string name) =>
        name.Length > 8 && name.IndexOf('-') is > 0 and var dash ? _ => name[(dash + 1)..] : null;

    /// <summary>The data set buttons, three to a row.</summary>
    private static IEnumerable<Control> DataSetRows() =>
        DataSets.Names.Chunk(3).Select((names, row) => new Control("DATA", "", "that data set at its default size", null,
            [.. names.Select((name, i) => new Button(LiveCommand.ChooseDataSet, name, c => c.Data.BuiltInIndex == row * 3 + i, row * 3 + i, ShortName(name)))]));

    /// <summary>Every row, top to bottom.</summary>
    public static IReadOnlyList<Control> Controls { get; } =
    [
        .. DataSetRows(),
        new("DATA", "noise", "less / more noise (rebuilds the run)", c => Numbers.Compact(c.Data.Noise), Minus(LiveCommand.NoiseDown), Plus(LiveCommand.NoiseUp)),
        new("DATA", "test ratio", "smaller / larger held-out test set", c => Numbers.Compact(c.Data.TestRatio), Minus(LiveCommand.TestRatioDown), Plus(LiveCommand.TestRatioUp)),
        new("TRAINING", "", "play or pause, one epoch, reset (new seed)", null,
            new Button(LiveCommand.TogglePlay, "play", c => c.Playing, Text: c => c.Playing ? "pause" : "play"), Fixed(LiveCommand.StepOne, "step"), Fixed(LiveCommand.Reset, "reset")),
        new("TRAINING", "epochs/frame", "slower / faster", c => Numbers.Compact(c.EpochsPerFrame), Minus(LiveCommand.Slower), Plus(LiveCommand.Faster)),
        new("TRAINING", "learning rate", "learning rate / or x 3.16", c => Numbers.Compact(c.Simulation.Options.LearningRate),
            Minus(LiveCommand.LearningRateDown), Plus(LiveCommand.LearningRateUp)),
        new("TRAINING", "activation", "the next hidden activation (same weights)", null,
            new Button(LiveCommand.CycleActivation, "activation", Text: c => Activations.NameOf(c.Simulation.Spec.HiddenActivations[0]))),
        new("TRAINING", "optimizer", "the next optimizer (same weights)", null,
            new Button(LiveCommand.CycleOptimizer, "optimizer", Text: c => c.Simulation.Options.Optimizer.Kind.ToString().ToLowerInvariant())),
        new("TRAINING", "batch size", "smaller / larger mini-batch (same weights)", c => c.BatchSizeText, Minus(LiveCommand.BatchSmaller), Plus(LiveCommand.BatchLarger)),
        new("TRAINING", "regularizer", "none, L1, L2 (same weights)", null,
            new Button(LiveCommand.CycleRegularization, "regularization", Text: c => c.Regularization == RegularizationKind.Both ? "L1+L2" : c.Regularization.ToString().ToLowerInvariant())),
        new("TRAINING", "reg. rate", "regularization rate / or x 3.16", c => Numbers.Compact(c.RegularizationRate),
            Minus(LiveCommand.RegularizationRateDown), Plus(LiveCommand.RegularizationRateUp)),
        new("NETWORK", "hidden layers", "remove the selected layer / add one after it", c => Numbers.Compact(c.Simulation.Spec.Hidden.Count),
            Minus(LiveCommand.RemoveLayer), Plus(LiveCommand.AddLayer)),
        new("NETWORK", "layer", "select the next hidden layer", null,
            new Button(LiveCommand.CycleLayer, "layer", Text: c => c.Edits.SelectedLayer == 0 ? "none" : $"{Numbers.Compact(c.Edits.SelectedLayer)} of {Numbers.Compact(c.Simulation.Spec.Hidden.Count)}")),
        new("NETWORK", "neurons", "remove / add a neuron in the selected layer", c => c.Edits.SelectedLayer == 0 ? "-" : Numbers.Compact(c.Simulation.Spec.Hidden[c.Edits.SelectedLayer - 1]),
            Minus(LiveCommand.RemoveNeuron), Plus(LiveCommand.AddNeuron)),
        new("VIEW", "", "decision boundary on / off, its predicted class only", null,
            Fixed(LiveCommand.ToggleBoundary, "boundary", c => c.ShowBoundary), Fixed(LiveCommand.ToggleDiscretize, "discretize", c => c.Discretize)),
        new("VIEW", "", "edges by gradient, neurons as maps of their output", null,
            Fixed(LiveCommand.ToggleGradients, "gradients", c => c.ShowGradients), Fixed(LiveCommand.ToggleNeuronMaps, "maps", c => c.ShowNeuronMaps)),
        new("VIEW", "", "record the window as a GIF, this help", null,
            Fixed(LiveCommand.ToggleRecording, "record", c => c.Recording), Fixed(LiveCommand.ToggleHelp, "help", c => c.ShowHelp)),
    ];

    /// <summary>The panel's rows as drawn for <paramref name="controller"/>'s state.</summary>
    public static IReadOnlyList<PanelRow> Rows(WatchController controller) =>
        [.. Controls.Select(c => new PanelRow(c.Section, c.Label, c.Value?.Invoke(controller) ?? "",
            [.. c.Buttons.Select(b => new PanelButton(b.TextFor(controller), b.On?.Invoke(controller) ?? false, Hint(b)))]))];

    /// <summary>The button at logical point <paramref name="at"/> of a panel laid out in <paramref name="area"/> for <paramref name="controller"/>, or null.</summary>
    public static Button? At(WatchController controller, SkiaSharp.SKRect area, SkiaSharp.SKPoint at) =>
        new ControlPanelLayout(area, Rows(controller)).ButtonAt(at) is { } hit ? Controls[hit.Row].Buttons[hit.Button] : null;

    /// <summary>The key binding of <paramref name="command"/>, or null (the data set buttons have none).</summary>
    private static KeyMap.Binding? BindingOf(LiveCommand command) => KeyMap.Bindings.FirstOrDefault(b => b.Command == command);

    /// <summary>A button's hover hint: its key and what it does.</summary>
    private static string Hint(Button button) => BindingOf(button.Command) is { } binding
        ? $"{binding.Keys}: {binding.What}"
        : $"{button.Name}: this data set at its default size (D cycles them)";

    /// <summary>Every row as the help overlay's panel page lists it: the row and its buttons, then their keys and what they do.</summary>
    public static IReadOnlyList<KeyHelpLine> Help { get; } = [.. Controls.Select(HelpLine)];

    private static KeyHelpLine HelpLine(Control control)
    {
        var name = control.Label.Length > 0 ? control.Label : string.Join(" ", control.Buttons.Select(b => b.Name));
        var keys = control.Buttons.Select(b => BindingOf(b.Command)?.Keys).Where(k => k is not null).Distinct().ToList();
        var what = keys.Count == 0 ? $"click: {control.What} (D cycles them)" : $"{string.Join(" / ", keys)}: {control.What}";
        var buttons = control.Label.Length > 0 && control.Value is not null ? " − +" : "";
        return new KeyHelpLine($"{control.Section} {name}{buttons}", what);
    }
}
