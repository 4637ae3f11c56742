using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>One piece of text drawn into a frame: the string and where its ink lands, in pixels of the frame.</summary>
/// <param name="Text">The text as drawn.</param>
/// <param name="Bounds">Its measured bounds (glyph ink) after the canvas transform, in frame pixels.</param>
public readonly record struct DrawnText(string Text, SKRect Bounds);

/// <summary>
/// Records every text <see cref="Fonts.Draw"/> draws on this thread while it is open, so a test
/// (or a layout check) can ask which strings a frame holds and where. Open one with
/// <see cref="Start"/>; disposing it stops the recording.
/// </summary>
public sealed class TextLog : IDisposable
{
    [ThreadStatic] private static TextLog? _current;
    private readonly TextLog? _outer;
    private readonly List<DrawnText> _texts = [];

    private TextLog(TextLog? outer) => _outer = outer;

    /// <summary>Every text drawn since <see cref="Start"/>, in drawing order.</summary>
    public IReadOnlyList<DrawnText> Texts => _texts;

    /// <summary>Starts recording the texts drawn on this thread.</summary>
    public static TextLog Start() => _current = new TextLog(_current);

    /// <summary>Adds a text to the open log, if there is one.</summary>
    internal static void Add(string text, SKRect bounds) => _current?._texts.Add(new DrawnText(text, bounds));

    /// <inheritdoc />
    public void Dispose()
    {
        if (ReferenceEquals(_current, this)) _current = _outer;
    }
}
