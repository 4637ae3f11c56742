using NeuronSim.Rendering.Frame;
using NeuronSim.Rendering.Recording;

namespace NeuronSim.Live;

/// <summary>
/// V in the window: records the rendered frames into an animated GIF, one frame at most every
/// <see cref="Interval"/> (each shown for as long as it was really on screen), at most
/// <see cref="MaxFrames"/> frames (then it stops by itself and saves). Stopping saves a timestamped
/// <c>neuronsim-TIMESTAMP.gif</c> in the screenshot directory and logs its path as an action-log line;
/// quitting while recording saves what was recorded.
/// </summary>
public sealed class WindowRecording(string directory, TextWriter errors) : IDisposable
{
    /// <summary>The shortest time between two recorded frames.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The most frames a recording holds; the next frame stops and saves it.</summary>
    public const int MaxFrames = 600;

    private GifRecorder? _gif;
    private TimeSpan _lastFrameAt;

    /// <summary>Whether frames are being recorded.</summary>
    public bool Active => _gif is not null;

    /// <summary>Frames recorded so far in this recording.</summary>
    public int FrameCount => _gif?.FrameCount ?? 0;

    /// <summary>
    /// Once per rendered frame, after rendering: starts or stops the recording when V asked for it,
    /// records <paramref name="frame"/> when it was <paramref name="rendered"/> anew and <see cref="Interval"/> has passed
    /// since the last recorded one (<paramref name="now"/> is the loop's clock), and stops at <see cref="MaxFrames"/> or when the window's size changed.
    /// </summary>
    public void AfterRender(WatchController controller, FrameBuffer frame, TimeSpan now, bool rendered = true)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(frame);
        if (controller.TakeRecordingToggle())
        {
            if (Active)
            {
                Stop(controller, "");
                return;
            }
            _gif = new GifRecorder(frame.Width, frame.Height);
            _lastFrameAt = now;
            _gif.AddFrame(frame, (int)Interval.TotalMilliseconds);
            controller.Recording = true;
            controller.Message = $"recording (V stops; at most {MaxFrames} frames)";
            return;
        }
        if (_gif is not { } gif || !rendered || now - _lastFrameAt < Interval) return;
        if (gif.Width != frame.Width || gif.Height != frame.Height)
        {
            Stop(controller, ", stopped: the window changed size");
            return;
        }
        gif.SetLastDelay((int)Math.Clamp((now - _lastFrameAt).TotalMilliseconds, GifRecorder.MinDelay, GifRecorder.MaxDelay));
        _lastFrameAt = now;
        gif.AddFrame(frame, (int)Interval.TotalMilliseconds);
        if (gif.FrameCount >= MaxFrames) Stop(controller, $", stopped at the limit of {MaxFrames} frames");
    }

    /// <summary>When the window closes: saves what was being recorded (nothing happens when nothing was).</summary>
    public void Finish(WatchController controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (Active) Stop(controller, ", saved on quit");
    }

    /// <summary>Saves the GIF (never overwriting a file), logs its path, and ends the recording.</summary>
    private void Stop(WatchController controller, string why)
    {
        var gif = _gif!;
        _gif = null;
        controller.Recording = false;
        var stem = Path.Combine(directory, $"neuronsim-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        var path = Path.GetFullPath(stem + ".gif");
        for (var n = 2; File.Exists(path); n++) path = Path.GetFullPath($"{stem}-{n}.gif");
        try
        {
            path = gif.Save(path);
            controller.Message = controller.Edits.Log(controller.Simulation, $"recorded {gif.FrameCount} frames to {path}{why}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.WriteLine($"error: recording not saved in {directory}: {e.Message}");
            errors.Flush();
            controller.Message = "recording not saved: " + e.Message;
        }
        finally
        {
            gif.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gif?.Dispose();
}
