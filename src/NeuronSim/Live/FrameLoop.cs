using System.Diagnostics;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Live;

/// <summary>
/// The window's main loop, once per frame: read the keys and turn them into commands, train for
/// what is left of the frame's budget, render (only when something changed), save a requested
/// screenshot, record the rendered frame while V records, present, and wait for the next 1/60 s
/// (quitting while recording saves the recording). Ctrl+C or SIGTERM quits as Esc does.
/// </summary>
public sealed class FrameLoop(SdlWindow window, WatchController controller, FrameRenderer renderer, ScreenshotWriter screenshots)
{
    /// <summary>The frame rate the loop paces itself to.</summary>
    public const double FramesPerSecond = 60;

    private static readonly TimeSpan FrameTime = TimeSpan.FromSeconds(1 / FramesPerSecond);

    /// <summary>Runs until the user quits or closes the window, or <paramref name="cancel"/> fires (checked every frame).</summary>
    public void Run(CancellationToken cancel = default)
    {
        var keys = new List<KeyPress>();
        using var frame = new FrameBuffer(Math.Max(window.Width, 1), Math.Max(window.Height, 1));
        var renderTime = TimeSpan.FromMilliseconds(5);
        var renderedVersion = -1L;
        using var recording = new WindowRecording(screenshots.Directory, Console.Error);
        var clock = Stopwatch.StartNew();
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var frameStart = Stopwatch.GetTimestamp();

                // 1. Input: every key and click becomes a command on the controller, here and nowhere else.
                keys.Clear();
                if (!window.PollEvents(keys)) break;
                foreach (var (pressed, at) in window.Buttons)
                {
                    if (pressed) controller.ClickAt(at, frame.Width, frame.Height);
                    else controller.ReleaseAt(at, frame.Width, frame.Height);
                }
                controller.PointAt(window.Mouse, frame.Width, frame.Height);
                foreach (var key in keys) controller.Handle(key);
                if (controller.QuitRequested || cancel.IsCancellationRequested) break;

                // 2. Training: whatever of the frame the renderer does not need (2 to 10 ms).
                controller.Advance(TrainingBudget(renderTime));

                // 3. Render when something changed, then show it.
                var rendered = false;
                var resized = frame.Resize(Math.Max(window.Width, 1), Math.Max(window.Height, 1));
                if (resized || controller.Version != renderedVersion || renderer.Boundary.RefreshPending || renderer.EvaluationPending)
                {
                    rendered = true;
                    var renderStart = Stopwatch.GetTimestamp();
                    renderedVersion = controller.Version;
                    renderer.Render(frame, controller.Simulation, controller.View, live: true);
                    renderTime = Stopwatch.GetElapsedTime(renderStart);
                }
                if (controller.TakeScreenshotRequest())
                {
                    controller.Message = screenshots.TrySave(frame, controller.Simulation, Console.Error);
                }
                recording.AfterRender(controller, frame, clock.Elapsed, rendered);
                window.Present(frame.Pixels, frame.Width, frame.Height, frame.RowBytes);

                // 4. Pace to 60 frames per second.
                var left = FrameTime - Stopwatch.GetElapsedTime(frameStart);
                if (left > TimeSpan.Zero) SdlWindow.Delay((int)left.TotalMilliseconds);
            }
        }
        finally
        {
            recording.Finish(controller);
        }
    }

    private static TimeSpan TrainingBudget(TimeSpan renderTime)
    {
        var left = FrameTime - renderTime - TimeSpan.FromMilliseconds(3);
        return TimeSpan.FromMilliseconds(Math.Clamp(left.TotalMilliseconds, 2, 10));
    }
}
