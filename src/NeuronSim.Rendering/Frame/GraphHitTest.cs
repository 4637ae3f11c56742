using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>What of the graph lies under a point: a neuron (within its radius plus a little), else the nearest drawn edge within a few pixels.</summary>
public static class GraphHitTest
{
    /// <summary>How far from an edge's line the mouse still hovers it, in pixels.</summary>
    public const float EdgeReach = 4;

    /// <summary>
    /// The neuron or edge of <paramref name="network"/> (as drawn into <paramref name="area"/>) under
    /// <paramref name="at"/>, or null. Edges of layer pairs drawn as a weight-matrix heatmap are not hit.
    /// </summary>
    public static GraphTarget? At(SKRect area, NetworkSnapshot network, SKPoint at)
    {
        ArgumentNullException.ThrowIfNull(network);
        var sizes = network.LayerSizes;
        if (sizes.Length < 2 || !area.Contains(at)) return null;
        for (var layer = 0; layer < sizes.Length; layer++)
        {
            var reach = Math.Max(NetworkGraphRenderer.NeuronRadius(area, sizes[layer]), 3) + 2;
            for (var j = 0; j < sizes[layer]; j++)
            {
                if (SKPoint.Distance(NetworkGraphRenderer.NeuronPosition(area, sizes, layer, j), at) <= reach) return GraphTarget.Neuron(layer, j);
            }
        }
        GraphTarget? best = null;
        var nearest = EdgeReach;
        for (var k = 0; k < network.EdgeCount; k++)
        {
            var layer = network.EdgeFromLayer[k];
            if (EdgeSelection.IsHeatmap(sizes, layer)) continue;
            var a = NetworkGraphRenderer.NeuronPosition(area, sizes, layer, network.EdgeFrom[k]);
            var b = NetworkGraphRenderer.NeuronPosition(area, sizes, layer + 1, network.EdgeTo[k]);
            if (at.X < Math.Min(a.X, b.X) || at.X > Math.Max(a.X, b.X)) continue;
            var distance = DistanceToSegment(at, a, b);
            if (distance <= nearest)
            {
                nearest = distance;
                best = GraphTarget.Edge(layer, network.EdgeFrom[k], network.EdgeTo[k]);
            }
        }
        return best;
    }

    /// <summary>The distance from <paramref name="p"/> to the segment from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static float DistanceToSegment(SKPoint p, SKPoint a, SKPoint b)
    {
        var ab = b - a;
        var lengthSquared = ab.X * ab.X + ab.Y * ab.Y;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((p.X - a.X) * ab.X + (p.Y - a.Y) * ab.Y) / lengthSquared, 0, 1);
        return SKPoint.Distance(p, new SKPoint(a.X + t * ab.X, a.Y + t * ab.Y));
    }
}
