using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>Saves screenshots (S) as <c>neuronsim-DATA-epochN.png</c> in a directory and prints each path.</summary>
public sealed class ScreenshotWriter(string directory, TextWriter output)
{
    /// <summary>Writes <paramref name="frame"/> to a new file (never overwriting one); returns its full path.</summary>
    public string Save(FrameBuffer frame, TrainingSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(simulation);
        var stem = Path.Combine(directory, $"neuronsim-{simulation.Data.Name}-epoch{simulation.Epoch}");
        var path = stem + ".png";
        for (var n = 2; File.Exists(path); n++) path = $"{stem}-{n}.png";
        var full = frame.SavePng(path);
        output.WriteLine($"screenshot: {full}");
        output.Flush();
        return full;
    }
}
