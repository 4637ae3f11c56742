using System.Diagnostics;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Storage;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Rendering.Recording;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>
/// <c>neuronsim record</c>: trains headless and writes an animated GIF of the frame the window would
/// show, one frame every <c>--every</c> epochs, starting at epoch 0. Training that stops (converged,
/// diverged, epoch limit) ends the animation early; the last frame is held longer. After Ctrl+C the
/// frames so far are written.
/// </summary>
public sealed class RecordCommand : Command<RecordSettings>
{
    /// <summary>How many times longer than the others the last frame is shown.</summary>
    public const int HoldLast = 12;

    /// <inheritdoc />
    public override int Execute(CommandContext context, RecordSettings settings, CancellationToken cancellationToken)
    {
        using var simulation = settings.Load is { } load
            ? CheckpointLoading.Continue(load, settings, context.Arguments)
            : TrainCommand.Create(settings);
        CheckWritable(settings.Out);
        // With the GIF on standard output, everything else goes to standard error.
        var report = settings.Out == AtomicFile.StandardOutput ? Console.Error : Console.Out;
        var live = Terminal.Interactive && report == Console.Out;
        var clock = Stopwatch.StartNew();
        report.WriteLine($"Recording {simulation.Spec} on {simulation.Data.Name}: up to {settings.Frames} frames of "
            + $"{settings.Width}x{settings.Height}, one every {Numbers.Count(settings.Every)} epochs"
            + (simulation.Epoch > 0 ? $", continuing from epoch {Numbers.Count(simulation.Epoch)}" : ""));

        using var renderer = new FrameRenderer();
        using var frame = new FrameBuffer(settings.Width, settings.Height);
        using var recorder = new GifRecorder(settings.Width, settings.Height);
        var view = new ViewState { Playing = true, EpochsPerFrame = settings.Every };
        var progress = new RecordingProgress(settings.Frames, report, live);
        var shownEpoch = simulation.Epoch;
        void Capture()
        {
            shownEpoch = simulation.Epoch;
            var shown = view with { ConvergedAt = simulation.Status == TrainingStatus.Converged ? simulation.Epoch : null };
            renderer.Render(frame, simulation, shown);
            recorder.AddFrame(frame, settings.Delay);
            progress.Frame(recorder.FrameCount, simulation);
        }

        Capture();
        while (recorder.FrameCount < settings.Frames && simulation.Status == TrainingStatus.Running && !cancellationToken.IsCancellationRequested)
        {
            simulation.Step(settings.Every, cancellationToken);
            if (cancellationToken.IsCancellationRequested && simulation.Status == TrainingStatus.Running) break;
            Capture();
        }
        progress.End();

        var interrupted = cancellationToken.IsCancellationRequested;
        // The last frame is held (the GIF loops): the end of training is seen before it starts again.
        recorder.SetLastDelay(Math.Min(GifRecorder.MaxDelay, settings.Delay * HoldLast));
        if (interrupted) Interruption.Postpone(TimeSpan.FromSeconds(2));
        var path = recorder.Save(settings.Out);

        var why = simulation.Status switch
        {
            TrainingStatus.Converged => $", stopped early: converged at epoch {Numbers.Count(simulation.Epoch)}",
            TrainingStatus.Diverged => ", stopped early: the loss diverged",
            TrainingStatus.MaxEpochsReached => $", stopped early: reached --epochs {Numbers.Count(simulation.Epoch)}",
            _ when interrupted => $", interrupted at epoch {Numbers.Count(simulation.Epoch)}",
            _ => "",
        };
        report.WriteLine($"wrote {path}: {recorder.FrameCount} frames to epoch {Numbers.Count(shownEpoch)}, {Size(recorder.Length)}, "
            + $"{Numbers.Compact(clock.Elapsed.TotalSeconds)} s{why}");
        if (simulation.Status == TrainingStatus.Diverged)
        {
            CliErrors.ReportDivergence(simulation.Loss, simulation.Epoch, "the GIF was still written; try a smaller --lr");
            return CliErrors.Failed;
        }
        return interrupted ? CliErrors.Interrupted : CliErrors.Success;
    }

    /// <summary>
    /// Fails before any training when <paramref name="path"/> cannot be written (its directory is missing and cannot be made,
    /// is read-only, or the path is a directory), with the message <see cref="AtomicFile"/> would give: minutes of training are not
    /// spent on a GIF that cannot be saved. Standard output and devices are not probed.
    /// </summary>
    private static void CheckWritable(string path)
    {
        if (path == AtomicFile.StandardOutput) return;
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (FileKinds.IsSpecial(kind)) return;
        try
        {
            if (kind == FileKind.Directory) throw new IOException("it is a directory");
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(full)}.neuronsim-{Environment.ProcessId}-probe.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {full}: {error.Message}", error);
        }
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? $"{Numbers.Compact(bytes / 1048576.0)} MB"
        : $"{Numbers.Compact(bytes / 1024.0)} KB";
}
