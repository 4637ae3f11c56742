using NeuronSim.Rendering.Frame;
using SkiaSharp;

namespace NeuronSim.Rendering.Tests;

public class FrameRenderingTests
{
    private static int InkedPixels(FrameBuffer frame, SKRect area)
    {
        var count = 0;
        for (var y = (int)area.Top + 2; y < (int)area.Bottom - 2; y++)
            for (var x = (int)area.Left + 2; x < (int)area.Right - 2; x++)
                if (RenderKit.IsInk(frame.GetPixel(x, y))) count++;
        return count;
    }

    [Fact]
    public void Hud_area_holds_text()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(10);
        using var frame = RenderKit.Render(simulation);
        var layout = FrameLayout.For(RenderKit.Width, RenderKit.Height);

        Assert.True(InkedPixels(frame, layout.Hud) > 800, "the HUD line is empty");
        Assert.True(InkedPixels(frame, layout.Help) > 800, "the key help line is empty");
    }

    [Fact]
    public void Rendering_reads_the_world_without_changing_it()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(25);
        var before = RenderKit.Weights(simulation);
        var (epoch, loss) = (simulation.Epoch, simulation.Loss);

        using var frame = RenderKit.Render(simulation, new ViewState { ShowHelp = true, Playing = true, EpochsPerSecond = 1234 });

        Assert.Equal(before, RenderKit.Weights(simulation));
        Assert.Equal(epoch, simulation.Epoch);
        Assert.Equal(loss, simulation.Loss);
    }

    [Fact]
    public void Boundary_shows_both_label_colours_once_xor_is_learned()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        simulation.Step(4000);
        using var frame = RenderKit.Render(simulation);
        var plot = DecisionBoundaryRenderer.PlotArea(FrameLayout.For(RenderKit.Width, RenderKit.Height).Boundary);

        // XOR: the diagonal (label 0) is red, the corners (0,1) and (1,0) are blue.
        var centre = frame.GetPixel((int)plot.MidX, (int)plot.MidY + 12);
        var corner = DecisionBoundaryRenderer.ToPixel(plot, 0.05, 0.85);
        var blue = frame.GetPixel((int)corner.X, (int)corner.Y);
        Assert.True(centre.Red > centre.Blue + 30, $"centre {centre} is not red");
        Assert.True(blue.Blue > blue.Red + 30, $"corner {blue} is not blue");
    }

    [Fact]
    public void Frame_saves_as_a_png_of_the_frame_size()
    {
        using var simulation = RenderKit.Simulation([4, 4], bias: true);
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-test-{Guid.NewGuid():N}.png");
        try
        {
            var written = FrameRenderer.WritePng(path, simulation, ViewState.Snapshot);
            using var bitmap = SKBitmap.Decode(written);
            Assert.Equal(1280, bitmap.Width);
            Assert.Equal(800, bitmap.Height);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
