namespace NeuronSim.Ecs;

/// <summary>
/// An ECS world: entities, their components stored by archetype in chunks, and queries over them.
/// The API follows Arch's shape (World.Create, world.Create(in ...), Get/Set/Has/Add/Remove, Query).
/// Not thread-safe for structural changes; queries may run in parallel over disjoint chunks.
/// </summary>
public sealed partial class World : IDisposable
{
    // 12 bytes an entity: the archetype as a 1-based index into _archetypeList (0 = dead), and the
    // entity's place in it packed as chunk index << shift | row (see Archetype.Place).
    private struct EntitySlot
    {
        public int ArchetypeId;
        public int Place;
        public int Version;
    }

    private readonly int _chunkSizeInBytes;
    private readonly int _minimumEntitiesPerChunk;
    private readonly Dictionary<Signature, Archetype> _archetypes = new();
    private readonly List<Archetype> _archetypeList = new();
    private EntitySlot[] _slots = new EntitySlot[64];
    private int[] _freeIds = new int[16];
    private int _freeCount;
    private int _nextId;
    private int _iterating;

    private World(int chunkSizeInBytes, int minimumEntitiesPerChunk)
    {
        _chunkSizeInBytes = chunkSizeInBytes;
        _minimumEntitiesPerChunk = minimumEntitiesPerChunk;
    }

    /// <summary>Creates a world.</summary>
    /// <param name="chunkSizeInBytes">The target size of one chunk (16 KiB as in Arch).</param>
    /// <param name="minimumEntitiesPerChunk">A chunk holds at least this many entities.</param>
    public static World Create(int chunkSizeInBytes = 16_384, int minimumEntitiesPerChunk = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSizeInBytes, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumEntitiesPerChunk, 1);
        return new World(chunkSizeInBytes, minimumEntitiesPerChunk);
    }

    /// <summary>How many entities are alive.</summary>
    public int Size { get; private set; }

    /// <summary>The archetypes created so far (some may be empty).</summary>
    public IReadOnlyList<Archetype> Archetypes => _archetypeList;

    /// <summary>Bumped on every structural change (create, destroy, add, remove); lets caches know they are stale.</summary>
    public long StructureVersion { get; private set; }

    /// <summary>Whether <paramref name="entity"/> is alive in this world.</summary>
    public bool IsAlive(Entity entity) =>
        (uint)entity.Id < (uint)_nextId && _slots[entity.Id].Version == entity.Version && _slots[entity.Id].ArchetypeId != 0;

    /// <summary>Creates an entity with no components.</summary>
    public Entity Create()
    {
        EnsureNotIterating(nameof(Create));
        return CreateIn(GetOrCreateArchetype(Signature.Empty)).Entity;
    }

    /// <summary>Destroys <paramref name="entity"/>; its handle (and every copy of it) becomes dead.</summary>
    /// <exception cref="DeadEntityException">The entity is not alive.</exception>
    public void Destroy(Entity entity)
    {
        ref var slot = ref SlotOf(entity, nameof(Destroy));
        EnsureNotIterating(nameof(Destroy));
        var archetype = ArchetypeOf(slot);
        var moved = archetype.RemoveAt(archetype.ChunkOf(slot.Place), archetype.RowOf(slot.Place));
        if (moved != Entity.Null) _slots[moved.Id].Place = slot.Place;
        slot.ArchetypeId = 0;
        slot.Version++;
        if (_freeCount == _freeIds.Length) Array.Resize(ref _freeIds, _freeIds.Length * 2);
        _freeIds[_freeCount++] = entity.Id;
        Size--;
        StructureVersion++;
    }

    /// <summary>The component types <paramref name="entity"/> has.</summary>
    public Signature GetSignature(Entity entity) => ArchetypeOf(SlotOf(entity, nameof(GetSignature))).Signature;

    /// <summary>
    /// Destroys every entity and archetype. Handles from before stay dead: the world may be used
    /// again, and its new entities never alias an old handle.
    /// </summary>
    public void Dispose()
    {
        _archetypes.Clear();
        _archetypeList.Clear();
        // Cached queries hold the old archetypes (and how many archetypes they have seen): drop them.
        _queries.Clear();
        // Keep every slot's version so old handles cannot match a recycled id; free all ids,
        // pushed in descending order so the lowest id is reused first.
        if (_freeIds.Length < _nextId) _freeIds = new int[_nextId];
        _freeCount = 0;
        for (var id = _nextId - 1; id >= 0; id--)
        {
            ref var slot = ref _slots[id];
            if (slot.ArchetypeId != 0)
            {
                slot.ArchetypeId = 0;
                slot.Version++;
            }
            _freeIds[_freeCount++] = id;
        }
        Size = 0;
        StructureVersion++;
    }

    internal Archetype GetOrCreateArchetype(Signature signature)
    {
        if (_archetypes.TryGetValue(signature, out var archetype)) return archetype;
        archetype = new Archetype(signature, _chunkSizeInBytes, _minimumEntitiesPerChunk);
        _archetypes.Add(signature, archetype);
        _archetypeList.Add(archetype);
        archetype.Id = _archetypeList.Count;
        return archetype;
    }

    /// <summary>
    /// Makes room for <paramref name="additional"/> more entities, so a bulk creation neither
    /// regrows the entity table nor leaves it oversized (like Arch's <c>Reserve</c>).
    /// </summary>
    public void Reserve(int additional)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(additional);
        var needed = _nextId + Math.Max(0, additional - _freeCount);
        if (needed > _slots.Length) Array.Resize(ref _slots, needed);
    }

    private Archetype ArchetypeOf(in EntitySlot slot) => _archetypeList[slot.ArchetypeId - 1];

    private (Entity Entity, Chunk Chunk, int Row) CreateIn(Archetype archetype)
    {
        EnsureNotIterating(nameof(Create));
        int id;
        if (_freeCount > 0)
        {
            id = _freeIds[--_freeCount];
        }
        else
        {
            id = _nextId++;
            if (id == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
            _slots[id].Version = 1;
        }
        ref var slot = ref _slots[id];
        var entity = new Entity(id, slot.Version);
        var (chunkIndex, row) = archetype.Add(entity);
        slot.ArchetypeId = archetype.Id;
        slot.Place = archetype.Place(chunkIndex, row);
        Size++;
        StructureVersion++;
        return (entity, archetype.Chunks[chunkIndex], row);
    }

    private ref EntitySlot SlotOf(Entity entity, string operation)
    {
        if (!IsAlive(entity)) throw new DeadEntityException(entity, operation);
        return ref _slots[entity.Id];
    }

    private void EnsureNotIterating(string operation)
    {
        if (_iterating > 0)
        {
            throw new InvalidOperationException(
                $"{operation} changes the world's structure during a query; record it in a CommandBuffer and play it back afterwards.");
        }
    }
}
