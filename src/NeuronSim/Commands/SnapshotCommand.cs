using System.ComponentModel;
using NeuronSim.Live;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim snapshot</c>.</summary>
public sealed class SnapshotSettings : NetworkSettings
{
    /// <inheritdoc />
    /// <remarks>--epochs 0 is the untrained network: a legitimate picture.</remarks>
    protected override bool EpochsMayBeZero => true;

    /// <summary>The PNG to write.</summary>
    [CommandOption("--out <PATH>")]
    [Description("The PNG to write. Default: frame.png.")]
    [DefaultValue("frame.png")]
    public string Out { get; init; } = "frame.png";

    /// <summary>Frame width.</summary>
    [CommandOption("--width <PX>")]
    [Description("Frame width in pixels (the window opens at 1280). Default: 1280.")]
    [DefaultValue(1280)]
    public int Width { get; init; } = 1280;

    /// <summary>Frame height.</summary>
    [CommandOption("--height <PX>")]
    [Description("Frame height in pixels (the window opens at 800). Default: 800.")]
    [DefaultValue(800)]
    public int Height { get; init; } = 800;

    /// <summary>Where to save the run after the epochs.</summary>
    [CommandOption("--save <FILE>")]
    [Description("Also save the run to FILE (safetensors; --load continues it), written atomically.")]
    public string? Save { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Save is "") return ValidationResult.Error("--save: expected a file name, got ''");
        if (Width is < 320 or > 8192 || Height is < 200 or > 8192)
            return ValidationResult.Error($"--width must be 320 to 8192 and --height 200 to 8192, got {Width}x{Height}");
        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a file name") : base.Validate();
    }
}

/// <summary><c>neuronsim snapshot</c>: trains N epochs headless and writes the frame the window would show (after Ctrl+C, the frame of the epoch reached).</summary>
public sealed class SnapshotCommand : Command<SnapshotSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SnapshotSettings settings, CancellationToken cancellationToken)
    {
        // --epochs N: train exactly N epochs. The same controller as the window, paused, stepped N epochs: the frame is the one the
        // window shows after `watch --paused` and N presses of N.
        // No epoch limit: like the window (default --epochs 100000), the frame does not say "stopped".
        var options = settings.ToOptions() with { MaxEpochs = int.MaxValue };
        using var controller = LiveRun.Start(settings, context.Arguments, options, playing: false);
        controller.StepEpochs(settings.Epochs, cancellationToken);
        // After Ctrl+C the frame (and --save) of the epoch reached are still written: one render, cheap but not instant.
        var interrupted = cancellationToken.IsCancellationRequested;
        if (interrupted) Interruption.Postpone(TimeSpan.FromSeconds(2));
        using var renderer = new FrameRenderer();
        using var frame = new FrameBuffer(settings.Width, settings.Height);
        renderer.Render(frame, controller.Simulation, controller.View);
        var path = frame.SavePng(settings.Out);
        var simulation = controller.Simulation;
        if (settings.Save is { } save)
        {
            controller.Save(save);
            Console.WriteLine($"saved epoch {simulation.Epoch} to {save}");
        }
        Console.WriteLine(SessionSummary.Line("", simulation, controller.ConvergedAt));
        Console.WriteLine($"wrote {path}" + (interrupted ? $", interrupted at epoch {Numbers.Count(simulation.Epoch)} of {Numbers.Count(settings.Epochs)}" : ""));
        if (simulation.Status == TrainingStatus.Diverged)
        {
            CliErrors.ReportDivergence(simulation.Loss, simulation.Epoch, "the frame was still written");
            return CliErrors.Failed;
        }
        return interrupted ? CliErrors.Interrupted : CliErrors.Success;
    }
}
