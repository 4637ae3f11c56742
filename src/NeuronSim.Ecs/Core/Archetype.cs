using System.Numerics;

namespace NeuronSim.Ecs;

/// <summary>
/// All entities with exactly one set of component types, stored in chunks.
/// Chunks are kept dense: every chunk but the last is full.
/// </summary>
public sealed class Archetype
{
    private readonly int[] _columnOf;
    private readonly Dictionary<int, Archetype> _addEdges = new();
    private readonly Dictionary<int, Archetype> _removeEdges = new();

    internal Archetype(Signature signature, int chunkSizeInBytes, int minimumEntitiesPerChunk)
    {
        Signature = signature;
        Types = signature.Ids.Select(ComponentType.FromId).ToArray();
        _columnOf = new int[signature.Count == 0 ? 0 : signature.Ids[^1] + 1];
        Array.Fill(_columnOf, -1);
        for (var c = 0; c < Types.Length; c++) _columnOf[Types[c].Id] = c;
        // A power of two, so an entity's place packs into one int: chunk index << ChunkShift | row.
        var bytesPerEntity = 8 + Types.Sum(t => t.Size);
        var fits = 1 << BitOperations.Log2((uint)Math.Max(1, chunkSizeInBytes / bytesPerEntity));
        ChunkCapacity = Math.Max(fits, (int)BitOperations.RoundUpToPowerOf2((uint)minimumEntitiesPerChunk));
        ChunkShift = BitOperations.Log2((uint)ChunkCapacity);
    }

    /// <summary>log2 of <see cref="ChunkCapacity"/>.</summary>
    internal int ChunkShift { get; }

    /// <summary>The chunk of a packed place.</summary>
    internal int ChunkOf(int place) => place >> ChunkShift;

    /// <summary>The row of a packed place.</summary>
    internal int RowOf(int place) => place & (ChunkCapacity - 1);

    /// <summary>(chunk, row) packed into one int.</summary>
    internal int Place(int chunkIndex, int row) => (chunkIndex << ChunkShift) | row;

    /// <summary>The component types of this archetype.</summary>
    public Signature Signature { get; }

    /// <summary>The archetype's number in its world, from 1.</summary>
    internal int Id { get; set; }

    /// <summary>The component types, in column order.</summary>
    public ComponentType[] Types { get; }

    /// <summary>How many entities one chunk holds: a power of two, at most what fits in the chunk size (but at least the minimum).</summary>
    public int ChunkCapacity { get; }

    /// <summary>The chunks, all full but the last.</summary>
    public List<Chunk> Chunks { get; } = new();

    /// <summary>How many entities live in this archetype.</summary>
    public int EntityCount { get; private set; }

    /// <summary>The column of component <paramref name="componentId"/>, or -1 when absent.</summary>
    public int ColumnOf(int componentId) => componentId < _columnOf.Length ? _columnOf[componentId] : -1;

    internal Dictionary<int, Archetype> AddEdges => _addEdges;

    internal Dictionary<int, Archetype> RemoveEdges => _removeEdges;

    /// <summary>Appends an entity; returns its chunk index and row. Components are default.</summary>
    internal (int ChunkIndex, int Row) Add(Entity entity)
    {
        if (Chunks.Count == 0 || Chunks[^1].Count == Chunks[^1].Capacity)
        {
            Chunks.Add(new Chunk(this, ChunkCapacity));
        }
        var chunkIndex = Chunks.Count - 1;
        var chunk = Chunks[chunkIndex];
        var row = chunk.Count++;
        chunk.Entities[row] = entity;
        EntityCount++;
        return (chunkIndex, row);
    }

    /// <summary>
    /// Removes the entity at (<paramref name="chunkIndex"/>, <paramref name="row"/>) by moving the
    /// archetype's last entity into its place; returns the moved entity (or <see cref="Entity.Null"/>).
    /// </summary>
    internal Entity RemoveAt(int chunkIndex, int row)
    {
        var last = Chunks[^1];
        var lastRow = last.Count - 1;
        var target = Chunks[chunkIndex];
        var moved = Entity.Null;
        if (!ReferenceEquals(last, target) || lastRow != row)
        {
            moved = last.Entities[lastRow];
            target.Entities[row] = moved;
            for (var c = 0; c < Types.Length; c++)
            {
                Array.Copy(last.Column(c), lastRow, target.Column(c), row, 1);
            }
        }
        last.ClearRow(lastRow);
        last.Count--;
        EntityCount--;
        if (last.Count == 0) Chunks.RemoveAt(Chunks.Count - 1);
        return moved;
    }

    /// <summary>Copies every component the two archetypes share from one row to another.</summary>
    internal static void CopyShared(Chunk from, int fromRow, Chunk to, int toRow)
    {
        var source = from.Archetype;
        var destination = to.Archetype;
        for (var c = 0; c < source.Types.Length; c++)
        {
            var dc = destination.ColumnOf(source.Types[c].Id);
            if (dc >= 0) Array.Copy(from.Column(c), fromRow, to.Column(dc), toRow, 1);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Archetype{Signature} ({EntityCount} entities)";
}
