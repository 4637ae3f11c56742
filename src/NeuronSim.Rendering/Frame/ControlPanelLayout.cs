using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Where the control panel's headings, rows and buttons go in its column: rows share the height
/// (at most <see cref="MaxRowHeight"/> each; a heading takes 0.8 of a row), the font follows the row
/// height, labelled rows keep their buttons at the right. The renderer draws from it and the live
/// view's clicks are tested against it, so the two always agree.
/// </summary>
public sealed class ControlPanelLayout
{
    /// <summary>The tallest a row gets, in logical pixels.</summary>
    public const float MaxRowHeight = 28;

    /// <summary>Padding inside the panel.</summary>
    public const float Pad = 6;

    /// <summary>The layout of <paramref name="rows"/> in the panel <paramref name="area"/>.</summary>
    public ControlPanelLayout(SKRect area, IReadOnlyList<PanelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Area = area;
        var headings = rows.Where((r, i) => i == 0 || r.Section != rows[i - 1].Section).Count();
        RowHeight = Math.Min(MaxRowHeight, (area.Height - 2 * Pad) / Math.Max(1, rows.Count + 0.8f * headings));
        FontSize = Math.Clamp(RowHeight * 0.55f, 8, 12.5f);
        var y = area.Top + Pad;
        var buttons = new SKRect[rows.Count][];
        var rects = new SKRect[rows.Count];
        var headingList = new List<(string, float)>();
        float left = area.Left + Pad, right = area.Right - Pad, width = right - left;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i == 0 || row.Section != rows[i - 1].Section)
            {
                headingList.Add((row.Section, y + 0.8f * RowHeight * 0.72f));
                y += 0.8f * RowHeight;
            }
            rects[i] = new SKRect(left, y, right, y + RowHeight);
            var inner = new SKRect(left, y + 1.5f, right, y + RowHeight - 1.5f);
            var n = row.Buttons.Count;
            var cells = new SKRect[n];
            if (row.Label.Length == 0)
            {
                // Buttons only: they share the row.
                var cell = (width - 3 * (n - 1)) / Math.Max(1, n);
                for (var b = 0; b < n; b++) cells[b] = new SKRect(left + b * (cell + 3), inner.Top, left + b * (cell + 3) + cell, inner.Bottom);
            }
            else if (row.Value.Length == 0 && n == 1)
            {
                // One wide button that shows the value, right of the label.
                cells[0] = new SKRect(left + width * 0.48f, inner.Top, right, inner.Bottom);
            }
            else
            {
                // Square buttons at the right; the value is drawn left of them.
                var side = Math.Min(inner.Height + 4, 22);
                for (var b = 0; b < n; b++)
                {
                    var r = right - (n - b) * side - (n - 1 - b) * 3;
                    cells[b] = new SKRect(r, inner.Top, r + side, inner.Bottom);
                }
            }
            buttons[i] = cells;
            y += RowHeight;
        }
        Rows = rects;
        Buttons = buttons;
        Headings = headingList;
    }

    /// <summary>The panel's column.</summary>
    public SKRect Area { get; }

    /// <summary>Each row's height.</summary>
    public float RowHeight { get; }

    /// <summary>The size of the panel's text.</summary>
    public float FontSize { get; }

    /// <summary>Each row's rectangle.</summary>
    public IReadOnlyList<SKRect> Rows { get; }

    /// <summary>Each row's buttons' rectangles.</summary>
    public IReadOnlyList<SKRect[]> Buttons { get; }

    /// <summary>Each heading: its section and its text's baseline.</summary>
    public IReadOnlyList<(string Section, float Baseline)> Headings { get; }

    /// <summary>The button (row and index in the row) at logical point <paramref name="at"/>, or null.</summary>
    public (int Row, int Button)? ButtonAt(SKPoint at)
    {
        for (var i = 0; i < Buttons.Count; i++)
        {
            for (var b = 0; b < Buttons[i].Length; b++)
            {
                if (Buttons[i][b].Contains(at)) return (i, b);
            }
        }
        return null;
    }
}
