using System.Numerics;

namespace NeuronSim.Ecs;

/// <summary>An immutable set of component ids, stored as a bit set; the identity of an archetype.</summary>
public sealed class Signature : IEquatable<Signature>
{
    private readonly ulong[] _bits;
    private readonly int _hash;

    /// <summary>The empty signature.</summary>
    public static readonly Signature Empty = new(Array.Empty<int>());

    /// <summary>Creates a signature holding the given component ids.</summary>
    public Signature(IEnumerable<int> ids)
    {
        var list = ids.ToArray();
        var words = list.Length == 0 ? 0 : (list.Max() >> 6) + 1;
        _bits = new ulong[words];
        foreach (var id in list) _bits[id >> 6] |= 1UL << (id & 63);
        Ids = EnumerateIds(_bits);
        var hash = new HashCode();
        foreach (var id in Ids) hash.Add(id);
        _hash = hash.ToHashCode();
    }

    /// <summary>A signature of <paramref name="ids"/>, which must all differ.</summary>
    /// <exception cref="ArgumentException">An id appears twice.</exception>
    public static Signature OfDistinct(int[] ids)
    {
        var signature = new Signature(ids);
        if (signature.Count != ids.Length) throw new ArgumentException("An entity cannot have the same component type twice.");
        return signature;
    }

    /// <summary>The component ids in ascending order.</summary>
    public int[] Ids { get; }

    /// <summary>How many components the signature holds.</summary>
    public int Count => Ids.Length;

    /// <summary>Whether the signature holds component <paramref name="id"/>.</summary>
    public bool Contains(int id)
    {
        var word = id >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (id & 63))) != 0;
    }

    /// <summary>Whether every id of <paramref name="other"/> is in this signature.</summary>
    public bool ContainsAll(Signature other)
    {
        for (var w = 0; w < other._bits.Length; w++)
        {
            var mine = w < _bits.Length ? _bits[w] : 0UL;
            if ((mine & other._bits[w]) != other._bits[w]) return false;
        }
        return true;
    }

    /// <summary>Whether at least one id of <paramref name="other"/> is in this signature.</summary>
    public bool ContainsAny(Signature other)
    {
        var n = Math.Min(_bits.Length, other._bits.Length);
        for (var w = 0; w < n; w++)
        {
            if ((_bits[w] & other._bits[w]) != 0) return true;
        }
        return false;
    }

    /// <summary>This signature with <paramref name="id"/> added.</summary>
    public Signature With(int id) => new(Ids.Append(id));

    /// <summary>This signature with <paramref name="id"/> removed.</summary>
    public Signature Without(int id) => new(Ids.Where(x => x != id));

    /// <inheritdoc />
    public bool Equals(Signature? other) => other is not null && _hash == other._hash && Ids.AsSpan().SequenceEqual(other.Ids);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Signature);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", Ids.Select(id => ComponentType.FromId(id).Type.Name)) + "]";

    private static int[] EnumerateIds(ulong[] bits)
    {
        var ids = new List<int>();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                ids.Add((w << 6) + bit);
                word &= word - 1;
            }
        }
        return ids.ToArray();
    }
}
