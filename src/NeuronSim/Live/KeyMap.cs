using NeuronSim.Window;

namespace NeuronSim.Live;

/// <summary>The live view's keys: which <see cref="LiveCommand"/> each key press means.</summary>
public static class KeyMap
{
    /// <summary>
    /// Space play/pause; Right or N one epoch; Shift+Right 100 epochs; Up/Down speed; R reset;
    /// D next data set; B boundary; S screenshot; H help; Esc or Q quit.
    /// </summary>
    public static LiveCommand ToCommand(KeyPress press) => press.Key switch
    {
        Key.Space => LiveCommand.TogglePlay,
        Key.Right when press.Shift => LiveCommand.StepHundred,
        Key.Right or Key.N => LiveCommand.StepOne,
        Key.Up => LiveCommand.Faster,
        Key.Down => LiveCommand.Slower,
        Key.R => LiveCommand.Reset,
        Key.D => LiveCommand.NextDataSet,
        Key.B => LiveCommand.ToggleBoundary,
        Key.S => LiveCommand.Screenshot,
        Key.H => LiveCommand.ToggleHelp,
        Key.Escape or Key.Q => LiveCommand.Quit,
        _ => LiveCommand.None,
    };
}
