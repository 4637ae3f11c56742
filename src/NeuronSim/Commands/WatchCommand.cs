using System.ComponentModel;
using NeuronSim.Live;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim watch</c>.</summary>
public sealed class WatchSettings : NetworkSettings
{
    /// <summary>Start paused.</summary>
    [CommandOption("--paused")]
    [Description("Start paused: nothing moves until a key is pressed (Space plays, N steps).")]
    public bool Paused { get; init; }

    /// <summary>Starting speed.</summary>
    [CommandOption("--speed <EPOCHS>")]
    [Description("Epochs trained per frame at 60 frames/s, 1 to 10000 (Up/Down change it). Default: 20.")]
    [DefaultValue(20)]
    public int Speed { get; init; } = 20;

    /// <summary>Where S saves screenshots.</summary>
    [CommandOption("--screenshots <DIR>")]
    [Description("Directory for screenshots (S); each path is printed. Default: the current directory.")]
    [DefaultValue(".")]
    public string Screenshots { get; init; } = ".";

    /// <summary>The headless frame written when no window can be opened.</summary>
    [CommandOption("--out <PATH>")]
    [Description("Where to write the frame as PNG when no window can be opened. Default: neuronsim-watch.png.")]
    [DefaultValue("neuronsim-watch.png")]
    public string Out { get; init; } = "neuronsim-watch.png";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Speed is < 1 or > 10_000 ? ValidationResult.Error($"--speed must be 1 to 10000 epochs per frame, got {Speed}") : base.Validate();
}

/// <summary><c>neuronsim watch</c>: a live window that trains the network as you watch; Ctrl+C or SIGTERM quits it as Esc does (exit 130 or 143).</summary>
public sealed class WatchCommand : Command<WatchSettings>
{
    /// <summary>Exit code when no window could be opened (no display or no SDL2) and a headless PNG was written instead.</summary>
    public const int NoWindow = 3;

    /// <summary>The window's size when it opens.</summary>
    public const int Width = 1280, Height = 800;

    /// <inheritdoc />
    public override int Execute(CommandContext context, WatchSettings settings, CancellationToken cancellationToken)
    {
        using var controller = LiveRun.Start(settings, context.Arguments, settings.ToOptions(), !settings.Paused, settings.Speed);
        controller.ActionLog = Console.Out;
        controller.SaveDirectory = settings.Screenshots;
        using var renderer = new FrameRenderer();
        var title = $"NeuronSim: {controller.Simulation.Spec} learning {controller.Simulation.Data.Name}";
        if (!SdlWindow.TryOpen(title, Width, Height, out var window, out var error, FrameLayout.MinWidth, FrameLayout.MinHeight))
        {
            return Headless(controller, renderer, settings, error, cancellationToken);
        }
        using (window)
        {
            Console.WriteLine($"watching {controller.Simulation.Spec} learn {controller.Simulation.Data.Name} ({(settings.Paused ? "paused" : "playing")}); H shows the keys, Esc quits");
            Console.Out.Flush();
            new FrameLoop(window!, controller, renderer, new ScreenshotWriter(settings.Screenshots, Console.Out)).Run(cancellationToken);
        }
        var simulation = controller.Simulation;
        var interrupted = cancellationToken.IsCancellationRequested;
        Console.WriteLine(SessionSummary.Line(interrupted ? "interrupted at " : "quit at ", simulation, controller.ConvergedAt) + $"; network {LiveEdits.Shape(simulation)}");
        if (simulation.Status == TrainingStatus.Diverged)
        {
            CliErrors.ReportDivergence(simulation.Loss, simulation.Epoch, "the window was closed after it");
            return CliErrors.Failed;
        }
        return interrupted ? CliErrors.Interrupted : CliErrors.Success;
    }

    /// <summary>
    /// No window: say why, train headless with the lab's output (unless --paused), and write the
    /// frame the window would show. Returns <see cref="NoWindow"/>, or the training's failure code.
    /// </summary>
    private static int Headless(WatchController controller, FrameRenderer renderer, WatchSettings settings, string error, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"error: {error}");
        var code = CliErrors.Success;
        if (!settings.Paused)
        {
            Console.Error.WriteLine("no window: training headless instead, with the lab's output");
            code = HeadlessTraining.Run(controller.Simulation, 100, cancellationToken);
        }
        using var frame = new FrameBuffer(Width, Height);
        renderer.Render(frame, controller.Simulation, controller.View);
        var path = frame.SavePng(settings.Out);
        Console.Error.WriteLine($"wrote the frame the window would show (epoch {controller.Simulation.Epoch}) headless instead: {path}");
        return code == CliErrors.Success ? NoWindow : code;
    }

}
