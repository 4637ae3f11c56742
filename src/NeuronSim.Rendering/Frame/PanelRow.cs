namespace NeuronSim.Rendering.Frame;

/// <summary>
/// One row of the control panel as drawn: a label with its value and buttons ("noise 0.1 − +"), a
/// label with one wide button that shows the value ("activation [tanh]"), or a row of buttons only
/// ("xor linear circle"). The live view's table of controls supplies the rows; a click on a button
/// runs that control's command there.
/// </summary>
/// <param name="Section">The section the row belongs to ("DATA"); a heading is drawn where the section changes.</param>
/// <param name="Label">The label at the left, or "" for a row of buttons only.</param>
/// <param name="Value">The current value beside the buttons (numbers through Numbers.Compact), or "" when the one button shows it.</param>
/// <param name="Buttons">The row's buttons, left to right.</param>
public sealed record PanelRow(string Section, string Label, string Value, IReadOnlyList<PanelButton> Buttons);

/// <summary>One clickable button of the control panel.</summary>
/// <param name="Text">What it says.</param>
/// <param name="On">Whether it is drawn lit: the current data set, a view that is on, training that plays.</param>
/// <param name="Hint">The hint shown while the mouse is over it (its key and what it does).</param>
public sealed record PanelButton(string Text, bool On = false, string Hint = "");
