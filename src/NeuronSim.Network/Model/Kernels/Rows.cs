using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuronSim.Network.Model.Kernels;

/// <summary>
/// Rows of a matrix operand, read without bounds checks (the callers check the lengths once per
/// product). Value types, so every generic kernel is compiled for its own operand layout.
/// </summary>
internal interface IRows
{
    /// <summary>A reference to the first element of row <paramref name="row"/>.</summary>
    ref double Row(int row);
}

/// <summary>One array per row: the neurons' per-sample vectors.</summary>
internal readonly struct JaggedRows(double[][] rows) : IRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref double Row(int row) =>
        ref MemoryMarshal.GetArrayDataReference(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), row));
}

/// <summary>Rows laid out in one array: row r starts at offset + r * stride.</summary>
internal readonly struct StridedRows(double[] data, int offset, int stride) : IRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref double Row(int row) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(data), offset + (nint)row * stride);
}
