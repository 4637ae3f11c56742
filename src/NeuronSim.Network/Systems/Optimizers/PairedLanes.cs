using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Systems;

/// <summary>
/// A 512-bit vector over 4 components of two doubles each (a weight's value and grad, Adam's m and v):
/// the shuffles that spread each pair's first or second double over both of its lanes, and the mask
/// of the first lanes, for the optimizers' vector updates.
/// </summary>
internal static class PairedLanes
{
    /// <summary>Shuffle indices: each pair's first double in both of its lanes.</summary>
    public static Vector512<long> Firsts => Vector512.Create(0L, 0, 2, 2, 4, 4, 6, 6);

    /// <summary>Shuffle indices: each pair's second double in both of its lanes.</summary>
    public static Vector512<long> Seconds => Vector512.Create(1L, 1, 3, 3, 5, 5, 7, 7);

    /// <summary>All ones in each pair's first lane: a ConditionalSelect takes the first double from its first argument.</summary>
    public static Vector512<double> FirstLanes => Vector512.Create(-1L, 0, -1, 0, -1, 0, -1, 0).AsDouble();
}
