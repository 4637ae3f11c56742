using ScottPlot;

namespace NeuronSim.Rendering.Figures;

/// <summary>The look shared by the experiment figures: DejaVu Sans, white background, readable sizes.</summary>
public static class FigureStyle
{
    /// <summary>The font (from fonts-dejavu-core).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Label 0 (the lab draws it red).</summary>
    public static readonly Color Label0 = new(214, 39, 40);

    /// <summary>Label 1 (the lab draws it blue).</summary>
    public static readonly Color Label1 = new(31, 119, 180);

    /// <summary>Applies the style to <paramref name="plot"/>.</summary>
    public static void Apply(Plot plot)
    {
        plot.Font.Set(FontName);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Title.Label.FontSize = 18;
        plot.Legend.FontSize = 12;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.1);
    }
}
