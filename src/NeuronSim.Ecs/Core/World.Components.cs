namespace NeuronSim.Ecs;

public sealed partial class World
{
    /// <summary>A reference to component <typeparamref name="T"/> of <paramref name="entity"/>.</summary>
    /// <exception cref="DeadEntityException">The entity is not alive.</exception>
    /// <exception cref="MissingComponentException">The entity has no <typeparamref name="T"/>.</exception>
    public ref T Get<T>(Entity entity)
    {
        ref var slot = ref SlotOf(entity, $"Get<{typeof(T).Name}>");
        var archetype = ArchetypeOf(slot);
        var column = archetype.ColumnOf(Component<T>.Id);
        if (column < 0) throw new MissingComponentException(entity, typeof(T), archetype.Signature);
        return ref archetype.Chunks[archetype.ChunkOf(slot.Place)].ColumnAt<T>(column)[archetype.RowOf(slot.Place)];
    }

    /// <summary>Component <typeparamref name="T"/> of <paramref name="entity"/>, if it has one.</summary>
    public bool TryGet<T>(Entity entity, out T value)
    {
        if (IsAlive(entity) && Has<T>(entity))
        {
            value = Get<T>(entity);
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Overwrites component <typeparamref name="T"/> of <paramref name="entity"/>.</summary>
    public void Set<T>(Entity entity, in T value) => Get<T>(entity) = value;

    /// <summary>Whether <paramref name="entity"/> has component <typeparamref name="T"/>.</summary>
    /// <exception cref="DeadEntityException">The entity is not alive.</exception>
    public bool Has<T>(Entity entity) => ArchetypeOf(SlotOf(entity, $"Has<{typeof(T).Name}>")).ColumnOf(Component<T>.Id) >= 0;

    /// <summary>
    /// Adds component <typeparamref name="T"/> to <paramref name="entity"/>, moving it to the archetype
    /// with that component; its other components keep their values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entity already has <typeparamref name="T"/>.</exception>
    public void Add<T>(Entity entity, in T value = default!)
    {
        ref var slot = ref SlotOf(entity, $"Add<{typeof(T).Name}>");
        EnsureNotIterating("Add");
        var id = Component<T>.Id;
        var from = ArchetypeOf(slot);
        if (from.ColumnOf(id) >= 0) throw new InvalidOperationException($"{entity} already has component {typeof(T).Name}.");
        if (!from.AddEdges.TryGetValue(id, out var to))
        {
            to = GetOrCreateArchetype(from.Signature.With(id));
            from.AddEdges[id] = to;
        }
        var (chunk, row) = Move(entity, ref slot, to);
        chunk.ColumnAt<T>(to.ColumnOf(id))[row] = value;
    }

    /// <summary>
    /// Removes component <typeparamref name="T"/> from <paramref name="entity"/>, moving it to the
    /// archetype without it; its other components keep their values.
    /// </summary>
    /// <exception cref="MissingComponentException">The entity has no <typeparamref name="T"/>.</exception>
    public void Remove<T>(Entity entity)
    {
        ref var slot = ref SlotOf(entity, $"Remove<{typeof(T).Name}>");
        EnsureNotIterating("Remove");
        var id = Component<T>.Id;
        var from = ArchetypeOf(slot);
        if (from.ColumnOf(id) < 0) throw new MissingComponentException(entity, typeof(T), from.Signature);
        if (!from.RemoveEdges.TryGetValue(id, out var to))
        {
            to = GetOrCreateArchetype(from.Signature.Without(id));
            from.RemoveEdges[id] = to;
        }
        Move(entity, ref slot, to);
    }

    private (Chunk Chunk, int Row) Move(Entity entity, ref EntitySlot slot, Archetype to)
    {
        var from = ArchetypeOf(slot);
        var (chunkIndex, row) = to.Add(entity);
        var chunk = to.Chunks[chunkIndex];
        var (fromChunk, fromRow) = (from.ChunkOf(slot.Place), from.RowOf(slot.Place));
        Archetype.CopyShared(from.Chunks[fromChunk], fromRow, chunk, row);
        var moved = from.RemoveAt(fromChunk, fromRow);
        if (moved != Entity.Null) _slots[moved.Id].Place = slot.Place;
        slot.ArchetypeId = to.Id;
        slot.Place = to.Place(chunkIndex, row);
        StructureVersion++;
        return (chunk, row);
    }
}
