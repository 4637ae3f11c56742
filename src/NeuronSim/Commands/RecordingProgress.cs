using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;

namespace NeuronSim.Commands;

/// <summary>
/// The progress of <c>record</c>: on a terminal one live line redrawn in place ("frame 12/100  epoch 220  loss 0.2489"),
/// otherwise one plain line per 10% of the frames.
/// </summary>
internal sealed class RecordingProgress(int frames, TextWriter output, bool live)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _next;
    private int _decile;
    private int _drawn;

    /// <summary>Says that frame <paramref name="frame"/> (1-based) was added, showing <paramref name="simulation"/>.</summary>
    public void Frame(int frame, TrainingSimulation simulation)
    {
        var text = $"frame {frame}/{frames}  epoch {Numbers.Count(simulation.Epoch)}  loss {Numbers.Compact(simulation.Loss)}";
        if (live)
        {
            if (_clock.Elapsed < _next && frame < frames) return;
            _next = _clock.Elapsed + Refresh;
            var line = Terminal.Fit(text, Spectre.Console.AnsiConsole.Profile.Width);
            output.Write("\r" + line + new string(' ', Math.Max(0, _drawn - line.Length)));
            _drawn = line.Length;
            return;
        }
        var decile = (int)((long)frame * 10 / frames);
        if (decile <= _decile) return;
        _decile = decile;
        output.WriteLine($"{decile * 10}%  {text}");
    }

    /// <summary>Ends the live line.</summary>
    public void End()
    {
        if (live && _drawn > 0) output.WriteLine();
        _drawn = 0;
    }
}
