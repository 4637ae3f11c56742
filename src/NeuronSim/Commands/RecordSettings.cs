using System.ComponentModel;
using NeuronSim.Rendering.Recording;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim record</c>: the network and training options of <c>train</c>, plus the animation's.</summary>
public sealed class RecordSettings : NetworkSettings
{
    /// <summary>The most frames a recording takes (a GIF of more is too large to share; memory grows with it).</summary>
    public const int MaxFrames = 2000;

    /// <summary>The GIF to write.</summary>
    [CommandOption("--out <PATH>")]
    [Description("The animated GIF to write, atomically (\"-\": standard output). Default: learn.gif.")]
    [DefaultValue("learn.gif")]
    public string Out { get; init; } = "learn.gif";

    /// <summary>Epochs between frames.</summary>
    [CommandOption("--every <N>")]
    [Description("Epochs trained between two frames, 1 to 1000000. Default: 20.")]
    [DefaultValue(20)]
    public int Every { get; init; } = 20;

    /// <summary>Frames recorded.</summary>
    [CommandOption("--frames <N>")]
    [Description("Frames to record, 1 to 2000; the first shows epoch 0 (or the loaded epoch). Fewer when training stops first. Default: 100.")]
    [DefaultValue(100)]
    public int Frames { get; init; } = 100;

    /// <summary>Frame width.</summary>
    [CommandOption("--width <PX>")]
    [Description("Frame width in pixels, 320 to 1920. Default: 640.")]
    [DefaultValue(640)]
    public int Width { get; init; } = 640;

    /// <summary>Frame height.</summary>
    [CommandOption("--height <PX>")]
    [Description("Frame height in pixels, 200 to 1200. Default: 400.")]
    [DefaultValue(400)]
    public int Height { get; init; } = 400;

    /// <summary>Time each frame is shown.</summary>
    [CommandOption("--delay <MS>")]
    [Description("Milliseconds each frame is shown, 20 to 60000 (GIFs count in hundredths of a second); the last frame is held longer. Default: 80.")]
    [DefaultValue(80)]
    public int Delay { get; init; } = 80;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Every is < 1 or > 1_000_000) return ValidationResult.Error($"--every must be 1 to 1000000 epochs per frame, got {Every}");
        if (Frames is < 1 or > MaxFrames) return ValidationResult.Error($"--frames must be 1 to {MaxFrames}, got {Frames}");
        if (Width is < 320 or > 1920) return ValidationResult.Error($"--width must be 320 to 1920 pixels, got {Width}");
        if (Height is < 200 or > 1200) return ValidationResult.Error($"--height must be 200 to 1200 pixels, got {Height}");
        if (Delay is < GifRecorder.MinDelay or > GifRecorder.MaxDelay)
            return ValidationResult.Error($"--delay must be {GifRecorder.MinDelay} to {GifRecorder.MaxDelay} ms, got {Delay}");
        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a file name") : base.Validate();
    }
}
