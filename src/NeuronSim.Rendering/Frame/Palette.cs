using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>The colours of the live frame (a dark theme) and of the lab's labels.</summary>
public static class Palette
{
    /// <summary>The frame's background.</summary>
    public static readonly SKColor Background = new(0x16, 0x18, 0x1D);

    /// <summary>Background of a panel (graph, boundary, loss chart, HUD).</summary>
    public static readonly SKColor Panel = new(0x1E, 0x21, 0x28);

    /// <summary>Panel borders and chart grid lines.</summary>
    public static readonly SKColor Grid = new(0x3A, 0x3F, 0x4A);

    /// <summary>Main text.</summary>
    public static readonly SKColor Text = new(0xE6, 0xE8, 0xEC);

    /// <summary>Secondary text (labels, key help).</summary>
    public static readonly SKColor DimText = new(0x9A, 0xA1, 0xAD);

    /// <summary>Highlights: "playing", the loss curve, wrong-prediction marks.</summary>
    public static readonly SKColor Accent = new(0xFF, 0xD1, 0x4D);

    /// <summary>Warnings: "diverged".</summary>
    public static readonly SKColor Warning = new(0xFF, 0x6B, 0x6B);

    /// <summary>The heatmap where the network's output is NaN or infinite: no prediction.</summary>
    public static readonly SKColor NoPrediction = new(0x12, 0x12, 0x14);

    /// <summary>Label 0 (as in the lab's figures: red).</summary>
    public static readonly SKColor Label0 = new(0xE0, 0x3A, 0x3A);

    /// <summary>Label 1 (as in the lab's figures: blue).</summary>
    public static readonly SKColor Label1 = new(0x2F, 0x6F, 0xE0);

    /// <summary>Edges with a positive weight (orange), at full strength.</summary>
    public static readonly SKColor Positive = new(0xF5, 0x9E, 0x2A);

    /// <summary>Edges with a negative weight (cyan-blue), at full strength.</summary>
    public static readonly SKColor Negative = new(0x3C, 0xB4, 0xF0);

    /// <summary>Edges with a weight near zero.</summary>
    public static readonly SKColor Neutral = new(0x80, 0x84, 0x8C);

    /// <summary>Linear blend of two colours, <paramref name="t"/> in [0, 1] (0 gives <paramref name="a"/>).</summary>
    public static SKColor Lerp(SKColor a, SKColor b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new SKColor(
            (byte)(a.Red + (b.Red - a.Red) * t + 0.5),
            (byte)(a.Green + (b.Green - a.Green) * t + 0.5),
            (byte)(a.Blue + (b.Blue - a.Blue) * t + 0.5),
            (byte)(a.Alpha + (b.Alpha - a.Alpha) * t + 0.5));
    }

    /// <summary>Frozen weights and neurons (an icy blue, dashed on edges).</summary>
    public static readonly SKColor Frozen = new(0xB8, 0xF0, 0xFF);
}
