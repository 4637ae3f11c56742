namespace NeuronSim.Window;

/// <summary>The keys the app reacts to. Values are the SDL2 keycodes (<c>keysym.sym</c>).</summary>
public enum Key
{
    /// <summary>Escape.</summary>
    Escape = 27,

    /// <summary>Space bar.</summary>
    Space = 32,

    /// <summary>Letter B.</summary>
    B = 'b',

    /// <summary>Letter D.</summary>
    D = 'd',

    /// <summary>Letter E.</summary>
    E = 'e',

    /// <summary>Letter F.</summary>
    F = 'f',

    /// <summary>Letter G.</summary>
    G = 'g',

    /// <summary>Letter L.</summary>
    L = 'l',

    /// <summary>Letter M.</summary>
    M = 'm',

    /// <summary>Letter O.</summary>
    O = 'o',

    /// <summary>Letter T.</summary>
    T = 't',

    /// <summary>Letter A.</summary>
    A = 'a',

    /// <summary>Letter K.</summary>
    K = 'k',

    /// <summary>Letter V.</summary>
    V = 'v',

    /// <summary>Letter J.</summary>
    J = 'j',

    /// <summary>Letter Z.</summary>
    Z = 'z',

    /// <summary>Semicolon (';').</summary>
    Semicolon = ';',

    /// <summary>Apostrophe ('\'').</summary>
    Apostrophe = '\'',

    /// <summary>Digit 0.</summary>
    Digit0 = '0',

    /// <summary>Digit 1.</summary>
    Digit1 = '1',

    /// <summary>Digit 2.</summary>
    Digit2 = '2',

    /// <summary>Digit 3.</summary>
    Digit3 = '3',

    /// <summary>Digit 4.</summary>
    Digit4 = '4',

    /// <summary>Digit 5.</summary>
    Digit5 = '5',

    /// <summary>Digit 6.</summary>
    Digit6 = '6',

    /// <summary>Digit 7.</summary>
    Digit7 = '7',

    /// <summary>Digit 8.</summary>
    Digit8 = '8',

    /// <summary>Digit 9.</summary>
    Digit9 = '9',

    /// <summary>Period ('.').</summary>
    Period = '.',

    /// <summary>Return (Enter).</summary>
    Return = 13,

    /// <summary>Enter on the keypad.</summary>
    KeypadEnter = 0x40000058,

    /// <summary>Tab.</summary>
    Tab = 9,

    /// <summary>Backspace.</summary>
    Backspace = 8,

    /// <summary>Delete.</summary>
    Delete = 127,

    /// <summary>Plus ('+').</summary>
    Plus = '+',

    /// <summary>Equals ('='; '+' with Shift on a US keyboard).</summary>
    EqualsSign = '=',

    /// <summary>Minus ('-').</summary>
    Minus = '-',

    /// <summary>Left bracket ('[').</summary>
    LeftBracket = '[',

    /// <summary>Right bracket (']').</summary>
    RightBracket = ']',

    /// <summary>Keypad minus.</summary>
    KeypadMinus = 0x40000056,

    /// <summary>Keypad plus.</summary>
    KeypadPlus = 0x40000057,

    /// <summary>Letter H.</summary>
    H = 'h',

    /// <summary>Letter N.</summary>
    N = 'n',

    /// <summary>Letter Q.</summary>
    Q = 'q',

    /// <summary>Letter R.</summary>
    R = 'r',

    /// <summary>Letter S.</summary>
    S = 's',

    /// <summary>Right arrow.</summary>
    Right = 0x4000004F,

    /// <summary>Left arrow.</summary>
    Left = 0x40000050,

    /// <summary>Down arrow.</summary>
    Down = 0x40000051,

    /// <summary>Up arrow.</summary>
    Up = 0x40000052,
}

/// <summary>One key press delivered by the window.</summary>
/// <param name="Key">The key.</param>
/// <param name="Shift">Whether either Shift key was held.</param>
/// <param name="Ctrl">Whether either Ctrl key was held.</param>
public readonly record struct KeyPress(Key Key, bool Shift, bool Ctrl = false);

/// <summary>Maps SDL keycodes to <see cref="Key"/>.</summary>
internal static class SdlKeys
{
    /// <summary>The <see cref="Key"/> for an SDL keycode, or false when the app does not use it.</summary>
    public static bool TryMap(int sdlKeycode, out Key key)
    {
        key = (Key)sdlKeycode;
        switch (key)
        {
            case Key.Escape or Key.Space or Key.B or Key.D or Key.H or Key.N or Key.Q or Key.R or Key.S
                or Key.Right or Key.Left or Key.Down or Key.Up
                or Key.E or Key.F or Key.G or Key.L or Key.M or Key.O or Key.T or Key.A or Key.K or Key.V or Key.J or Key.Z or Key.Semicolon or Key.Apostrophe or (>= Key.Digit0 and <= Key.Digit9) or Key.Period or Key.Return or Key.KeypadEnter or Key.Tab or Key.Backspace or Key.Delete
                or Key.Plus or Key.EqualsSign or Key.Minus or Key.LeftBracket or Key.RightBracket or Key.KeypadMinus or Key.KeypadPlus:
                return true;
            default:
                key = default;
                return false;
        }
    }

    /// <summary>Whether auto-repeat of a held key should be delivered (stepping keys only).</summary>
    public static bool Repeats(Key key) => key is Key.Right or Key.Left or Key.Up or Key.Down or Key.N;
}
