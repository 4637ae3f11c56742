using System.Globalization;

namespace NeuronSim.Network.Formatting;

/// <summary>
/// The one place numbers become text. <see cref="Compact"/> is for everything shown to be read
/// (HUD, labels, legends, charts, figures, summaries): at most about 8 characters whatever the
/// value (<c>0.004812</c>, <c>1234.6</c>, <c>3.5e+22</c>, <c>-inf</c>, <c>NaN</c>).
/// <see cref="RoundTrip"/> is for the records other programs compare against (the lab's training
/// log, CSV): every digit needed to read the same double back.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A short, readable form: 4 significant digits, scientific outside [1e-3, 1e5), inf and NaN spelled out.</summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return "0";
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) return Scientific(value);
        var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        var text = value.ToString("F" + decimals, Invariant);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        // Rounding can carry into the next power of ten (99999.7 -> 100000): keep within the width.
        return text.Length > 8 ? Scientific(value) : text;
    }

    /// <summary>Two significant digits in scientific form: <c>3.5e+22</c>, <c>-1.2e-07</c>.</summary>
    public static string Scientific(double value)
    {
        if (!double.IsFinite(value)) return Compact(value);
        return value.ToString("0.#e+00", Invariant);
    }

    /// <summary>A fraction as a percentage with one decimal (<c>95.2%</c>); NaN as <c>-</c>.</summary>
    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "-" : (100 * fraction).ToString("F1", Invariant) + "%";

    /// <summary>The shortest text that reads back as the same double (NaN, Infinity, -Infinity spelled as .NET reads them).</summary>
    public static string RoundTrip(double value) => value.ToString("R", Invariant);

    /// <summary>A whole number with thousands separators: <c>9,999,980</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);
}
