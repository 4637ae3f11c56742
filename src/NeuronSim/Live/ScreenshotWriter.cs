using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>Saves screenshots (S) as <c>neuronsim-DATA-epochN.png</c> in a directory and prints each path.</summary>
public sealed class ScreenshotWriter(string directory, TextWriter output)
{
    /// <summary>The directory screenshots (and the window's recordings) go into.</summary>
    public string Directory => directory;

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

    /// <summary>
    /// Saves like <see cref="Save"/> but never throws for a file that cannot be written: returns the
    /// line for the HUD ("saved NAME" or "screenshot failed: WHY"), and prints a failure on
    /// <paramref name="errors"/>. The live session goes on either way.
    /// </summary>
    public string TrySave(FrameBuffer frame, TrainingSimulation simulation, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return "saved " + Path.GetFileName(Save(frame, simulation));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.WriteLine($"error: screenshot not saved in {directory}: {e.Message}");
            errors.Flush();
            return "screenshot failed: " + e.Message;
        }
    }
}
