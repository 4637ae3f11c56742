using System.Runtime.CompilerServices;

namespace NeuronSim.Ecs;

/// <summary>
/// A block of entities of one <see cref="Archetype"/>, stored as structure of arrays:
/// one array per component type, plus the entities themselves, all indexed by row.
/// </summary>
public sealed class Chunk
{
    private readonly Array[] _columns;

    internal Chunk(Archetype archetype, int capacity)
    {
        Archetype = archetype;
        Capacity = capacity;
        Entities = new Entity[capacity];
        _columns = new Array[archetype.Types.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c] = Array.CreateInstance(archetype.Types[c].Type, capacity);
        }
    }

    /// <summary>The archetype whose entities live here.</summary>
    public Archetype Archetype { get; }

    /// <summary>How many rows the chunk can hold.</summary>
    public int Capacity { get; }

    /// <summary>How many rows are in use; rows 0..Count-1 are live entities.</summary>
    public int Count { get; internal set; }

    /// <summary>The entity in each row (valid up to <see cref="Count"/>).</summary>
    public Entity[] Entities { get; }

    /// <summary>The live entities of this chunk.</summary>
    public ReadOnlySpan<Entity> EntitySpan => new(Entities, 0, Count);

    /// <summary>Whether this chunk's archetype holds <typeparamref name="T"/>.</summary>
    public bool Has<T>() => Archetype.ColumnOf(Component<T>.Id) >= 0;

    /// <summary>
    /// The backing array of component <typeparamref name="T"/> (length = <see cref="Capacity"/>;
    /// only the first <see cref="Count"/> rows are live).
    /// </summary>
    /// <exception cref="MissingComponentException">The archetype has no <typeparamref name="T"/>.</exception>
    public T[] GetArray<T>()
    {
        var column = Archetype.ColumnOf(Component<T>.Id);
        if (column < 0) throw new MissingComponentException(typeof(T), Archetype.Signature);
        return Unsafe.As<T[]>(_columns[column]);
    }

    /// <summary>The live rows of component <typeparamref name="T"/>.</summary>
    public Span<T> GetSpan<T>() => new(GetArray<T>(), 0, Count);

    /// <summary>A reference to component <typeparamref name="T"/> in <paramref name="row"/>.</summary>
    public ref T Get<T>(int row) => ref GetArray<T>()[row];

    internal Array Column(int column) => _columns[column];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T[] ColumnAt<T>(int column) => Unsafe.As<T[]>(_columns[column]);

    internal void ClearRow(int row)
    {
        Entities[row] = default;
        foreach (var column in _columns) Array.Clear(column, row, 1);
    }
}
