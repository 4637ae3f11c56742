using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Formatting;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// The tooltip of the hovered graph element, read from the world: an edge's weight, last gradient
/// and optimizer state; a neuron's bias, activation, mean output and mean delta.
/// </summary>
public static class GraphTooltip
{
    /// <summary>The tooltip's lines for <paramref name="target"/> of <paramref name="network"/> (read from <paramref name="world"/>), title first; empty when it no longer exists.</summary>
    public static IReadOnlyList<string> Lines(World world, NetworkSnapshot network, GraphTarget target)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        if (target.Layer < 0 || target.Layer >= sizes.Length || target.From >= sizes[target.Layer]) return [];
        if (target.IsEdge)
        {
            var k = target.Layer + 1 < sizes.Length && target.To < sizes[target.Layer + 1] ? network.EdgeIndex(target.Layer, target.From, target.To) : -1;
            if (k < 0) return [];
            var entity = network.EdgeEntity(k);
            var weight = world.Get<Weight>(entity);
            var lines = new List<string>
            {
                $"{Name(network, target.Layer, target.From)} -> {Name(network, target.Layer + 1, target.To)}" + (world.Has<Frozen>(entity) ? "  (frozen)" : ""),
                $"weight w = {Numbers.Compact(weight.Value)}",
                $"last gradient dL/dw = {Numbers.Compact(weight.Grad)}",
            };
            if (world.TryGet<Velocity>(entity, out var velocity)) lines.Add($"momentum buffer = {Numbers.Compact(velocity.Value)}");
            if (world.TryGet<SquareAverage>(entity, out var square)) lines.Add($"square_avg = {Numbers.Compact(square.Value)}");
            if (world.TryGet<AdamMoments>(entity, out var adam))
            {
                lines.Add($"exp_avg = {Numbers.Compact(adam.ExpAvg)}");
                lines.Add($"exp_avg_sq = {Numbers.Compact(adam.ExpAvgSq)}");
            }
            if (lines.Count == 3) lines.Add("optimizer state: none (plain SGD)");
            return lines;
        }
        var neuron = network.NeuronEntity(target.Layer, target.From);
        var activation = network.Activations[target.Layer];
        var result = new List<string>
        {
            Name(network, target.Layer, target.From) + (target.Layer == 0 ? " (input feature)" : $" ({activation.ToString().ToLowerInvariant()})")
                + (world.Has<Frozen>(neuron) ? "  (frozen)" : ""),
        };
        if (target.Layer > 0) result.Add(world.TryGet<Bias>(neuron, out var bias) ? $"bias b = {Numbers.Compact(bias.Value)}" : "no bias");
        result.Add($"mean output = {Numbers.Compact(network.MeanActivation[target.Layer][target.From])}");
        if (network.ProbeActivation is { } probe) result.Add($"output at the probe = {Numbers.Compact(probe[target.Layer][target.From])}");
        if (target.Layer > 0)
        {
            ref var state = ref world.Get<NeuronState>(neuron);
            var deltas = state.Delta.AsSpan(0, state.Samples);
            var sum = 0.0;
            foreach (var d in deltas) sum += d;
            result.Add($"mean delta dL/dz = {Numbers.Compact(deltas.Length == 0 ? 0 : sum / deltas.Length)}");
        }
        return result;
    }

    /// <summary>The neuron's name as <see cref="NeuronNames"/> gives it.</summary>
    public static string Name(NetworkSnapshot network, int layer, int index)
    {
        ArgumentNullException.ThrowIfNull(network);
        return NeuronNames.Of(network.InputNames, network.LayerSizes, layer, index);
    }

    /// <summary>Draws <paramref name="lines"/> in a box beside <paramref name="at"/>, kept inside a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public static void Draw(SKCanvas canvas, IReadOnlyList<string> lines, SKPoint at, float width, float height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) return;
        const float lineHeight = 16, pad = 8;
        var boxWidth = lines.Max(l => Fonts.Small.MeasureText(l)) + 2 * pad;
        var boxHeight = lines.Count * lineHeight + pad;
        var left = at.X + 16 + boxWidth > width - 4 ? at.X - 16 - boxWidth : at.X + 16;
        var top = Math.Clamp(at.Y + 16, 4, Math.Max(4, height - boxHeight - 4));
        var box = SKRect.Create(Math.Max(4, left), top, boxWidth, boxHeight);
        using var back = new SKPaint { Color = Tooltip, IsAntialias = true };
        using var border = new SKPaint { Color = Palette.Accent, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        canvas.DrawRoundRect(box, 5, 5, back);
        canvas.DrawRoundRect(box, 5, 5, border);
        for (var i = 0; i < lines.Count; i++)
        {
            Fonts.Draw(canvas, lines[i], box.Left + pad, box.Top + pad + 9 + i * lineHeight, Fonts.Small, i == 0 ? Palette.Accent : Palette.Text);
        }
    }

    /// <summary>The tooltip's background.</summary>
    public static readonly SKColor Tooltip = new(0x10, 0x12, 0x16, 0xF0);
}
