namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// The safetensors layout (Hugging Face's format, what <c>safetensors.torch.save_file</c> writes):
/// an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON
/// (<c>{"NAME": {"dtype": "F64", "shape": [..], "data_offsets": [begin, end]}, ..., "__metadata__": {"k": "v"}}</c>,
/// offsets relative to the first byte after the header, tensors contiguous, the header padded
/// with spaces), then the raw little-endian data.
/// </summary>
public static class SafeTensorsFormat
{
    /// <summary>The bytes of the header length that starts every file.</summary>
    public const int LengthPrefixBytes = 8;

    /// <summary>The largest header accepted (the reference implementation's limit): a longer one means the file is not safetensors.</summary>
    public const long MaxHeaderBytes = 100L << 20;

    /// <summary>Written headers are padded with spaces so the data starts at a multiple of this.</summary>
    public const int Alignment = 8;

    /// <summary>The header key of the string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The dtype NeuronSim writes: IEEE 754 binary64.</summary>
    public const string Float64 = "F64";

    /// <summary>The other dtype NeuronSim reads (PyTorch's default): binary32, widened exactly to binary64.</summary>
    public const string Float32 = "F32";

    /// <summary>The dtypes read, for error messages.</summary>
    public const string ReadableDtypes = "F64 (or F32, widened to F64)";

    /// <summary>Bytes per element of a readable dtype, or 0 when NeuronSim does not read it.</summary>
    public static int ElementBytes(string dtype) => dtype switch
    {
        Float64 => 8,
        Float32 => 4,
        _ => 0,
    };
}
