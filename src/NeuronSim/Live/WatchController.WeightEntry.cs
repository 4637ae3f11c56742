using System.Globalization;
using NeuronSim.Window;

namespace NeuronSim.Live;

/// <summary>Typing a selected edge's weight: digits, '.', '-' and Backspace edit the number, Enter sets it, Esc cancels.</summary>
public sealed partial class WatchController
{
    /// <summary>The number being typed for the selected edge, or null when nothing is being typed.</summary>
    public string? WeightEntry { get; private set; }

    /// <summary>
    /// Takes <paramref name="press"/> as typing when an edge is selected: a digit, '.' or '-' starts or extends the number,
    /// Backspace shortens it, Enter sets the weight, Esc cancels (and does not quit); any other key ends the typing
    /// and acts as usual. Returns whether the press was taken.
    /// </summary>
    private bool TypeWeight(KeyPress press)
    {
        if (_edits.SelectedEdge is not { } edge || press.Ctrl)
        {
            WeightEntry = null;
            return false;
        }
        var typed = press.Key switch
        {
            >= Key.Digit0 and <= Key.Digit9 => (char?)(char)press.Key,
            Key.Period => '.',
            Key.Minus or Key.KeypadMinus => '-',
            _ => null,
        };
        if (typed is { } c)
        {
            WeightEntry += c;
        }
        else if (WeightEntry is null)
        {
            return false;
        }
        else if (press.Key == Key.Backspace)
        {
            WeightEntry = WeightEntry.Length > 1 ? WeightEntry[..^1] : null;
        }
        else if (press.Key == Key.Escape)
        {
            WeightEntry = null;
            Message = "weight entry cancelled";
            return true;
        }
        else if (press.Key is Key.Return or Key.KeypadEnter)
        {
            var text = WeightEntry;
            WeightEntry = null;
            Message = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? _edits.SetWeight(Simulation, edge, value)
                : $"not a number: {text}";
            return true;
        }
        else
        {
            WeightEntry = null;
            return false;
        }
        Message = WeightEntry is null ? "weight entry cancelled" : $"weight of {LiveEdits.Named(Simulation, edge)}: {WeightEntry}_ (Enter sets, Esc cancels)";
        return true;
    }
}
