using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// How a weight looks as an edge. Fixed mappings, so a picture can be read without a key:
/// stroke width = clamp(0.5 + 1.5 |w|, 0.5, 10) px (0.5 px at w = 0, 2 px at |w| = 1,
/// 10 px from |w| = 6.33 on); colour = orange for w &gt; 0, blue for w &lt; 0, blended from grey
/// by min(|w| / 2, 1) so weights near zero are grey.
/// </summary>
public static class EdgeStyle
{
    /// <summary>The stroke width of a zero weight, in pixels.</summary>
    public const float MinWidth = 0.5f;

    /// <summary>The widest stroke, in pixels.</summary>
    public const float MaxWidth = 10f;

    /// <summary>Extra pixels of width per unit of |w|.</summary>
    public const float WidthPerUnit = 1.5f;

    /// <summary>|w| at and above which an edge has its full sign colour.</summary>
    public const double FullColourAt = 2.0;

    /// <summary>The stroke width of weight <paramref name="weight"/> in pixels (see the class summary).</summary>
    public static float Width(double weight)
    {
        var magnitude = Math.Abs(weight);
        if (double.IsNaN(magnitude)) return MinWidth;
        return (float)Math.Clamp(MinWidth + WidthPerUnit * magnitude, MinWidth, MaxWidth);
    }

    /// <summary>The colour of weight <paramref name="weight"/> (see the class summary).</summary>
    public static SKColor Colour(double weight)
    {
        if (double.IsNaN(weight)) return Palette.Neutral;
        return Palette.Lerp(Palette.Neutral, weight >= 0 ? Palette.Positive : Palette.Negative, Math.Abs(weight) / FullColourAt);
    }
}
