using System.Runtime.Intrinsics;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>Which instruction set the layer products run on.</summary>
public enum KernelPath
{
    /// <summary>Plain scalar loops: the fallback on any CPU, and the path the vector kernels are checked against.</summary>
    Scalar,

    /// <summary>256-bit vectors (AVX2 with FMA on x86).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512,
}

/// <summary>
/// The kernel path in use: the widest one the CPU accelerates, unless the environment variable
/// <c>NEURONSIM_KERNEL</c> (<c>scalar</c>, <c>v256</c> or <c>v512</c>) names another; read once.
/// </summary>
public static class KernelSelection
{
    /// <summary>The environment variable that forces a path.</summary>
    public const string Variable = "NEURONSIM_KERNEL";

    private static readonly (KernelPath Path, string Note) FromEnvironment = Choose(Environment.GetEnvironmentVariable(Variable));

    [ThreadStatic] private static KernelPath? t_forced;

    /// <summary>The path the products called from this thread use.</summary>
    public static KernelPath Active => t_forced ?? FromEnvironment.Path;

    /// <summary>The widest path this CPU accelerates.</summary>
    public static KernelPath Best =>
        Vector512.IsHardwareAccelerated ? KernelPath.Vector512 :
        Vector256.IsHardwareAccelerated ? KernelPath.Vector256 : KernelPath.Scalar;

    /// <summary>One line for people: the active path and why (e.g. <c>v512 (best on this CPU)</c>).</summary>
    public static string Describe() => $"{Name(Active)} ({FromEnvironment.Note})";

    /// <summary>The short name used by <c>NEURONSIM_KERNEL</c>.</summary>
    public static string Name(KernelPath path) => path switch
    {
        KernelPath.Scalar => "scalar",
        KernelPath.Vector256 => "v256",
        _ => "v512",
    };

    /// <summary>
    /// Forces <paramref name="path"/> for the products called from this thread (null: back to the
    /// environment's choice). For tests, which run in parallel and must not change each other's path.
    /// </summary>
    internal static void Force(KernelPath? path) => t_forced = path;

    private static (KernelPath, string) Choose(string? requested)
    {
        var best = Best;
        switch (requested?.Trim().ToLowerInvariant())
        {
            case null or "":
                return (best, "best on this CPU");
            case "scalar":
                return (KernelPath.Scalar, $"{Variable}=scalar");
            case "v256":
                return (KernelPath.Vector256, $"{Variable}=v256" + (Vector256.IsHardwareAccelerated ? "" : ", not accelerated here"));
            case "v512":
                return (KernelPath.Vector512, $"{Variable}=v512" + (Vector512.IsHardwareAccelerated ? "" : ", not accelerated here"));
            default:
                return (best, $"{Variable}={requested} not understood (scalar, v256 or v512): best on this CPU");
        }
    }
}
