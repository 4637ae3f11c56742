using System.Text.RegularExpressions;
using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

/// <summary>Every number in the frame is short, whatever the values (issue 8, item 1).</summary>
public class NumberTextTests
{
    private static readonly Regex Number = new(@"[-+]?\d[\d.,]*(e[-+]?\d+)?|\binf\b|NaN", RegexOptions.Compiled);

    [Fact]
    public void A_diverged_network_draws_only_short_numbers()
    {
        using var simulation = RenderKit.Diverged();
        var (frame, texts) = RenderKit.RenderWithText(simulation);
        using var _ = frame;

        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            foreach (Match m in Number.Matches(text.Text))
                Assert.True(m.Value.Length <= 9, $"'{m.Value}' in '{text.Text}' is longer than 9 characters");
        }
        Assert.Contains(texts, t => t.Text.Contains("inf", StringComparison.Ordinal) || t.Text.Contains('e'));
    }

    [Fact]
    public void The_loss_axis_spans_at_most_twelve_decades_and_marks_what_lies_above()
    {
        var losses = Enumerable.Range(0, 300).Select(k => Math.Pow(10, k - 3.0)).Append(double.PositiveInfinity).ToArray();
        var (low, high, above) = LossChartRenderer.Range(losses, 0.005);
        Assert.True(high - low <= LossChartRenderer.MaxDecades, $"{high - low} decades");
        Assert.Equal(double.PositiveInfinity, above);

        using var log = TextLog.Start();
        using var bitmap = new SKBitmap(400, 300);
        using var canvas = new SKCanvas(bitmap);
        using var chart = new LossChartRenderer();
        chart.Render(canvas, new SKRect(0, 0, 400, 300), losses, 0.005, null);

        var ticks = log.Texts.Where(t => Regex.IsMatch(t.Text, @"^[\d.e+-]+$") && t.Bounds.Right < 60).ToList();
        Assert.InRange(ticks.Count, 2, LossChartRenderer.MaxDecades + 1);
        for (var i = 1; i < ticks.Count; i++)
            Assert.False(ticks[i].Bounds.IntersectsWith(ticks[i - 1].Bounds), $"tick labels '{ticks[i - 1].Text}' and '{ticks[i].Text}' overlap");
        Assert.Contains(log.Texts, t => t.Text.StartsWith("above the axis: up to inf", StringComparison.Ordinal));
    }
}
