using System.Runtime.CompilerServices;

namespace NeuronSim.Ecs.Tests;

/// <summary>Whole-world consistency checks shared by the test classes.</summary>
internal static class EcsAssert
{
    /// <summary>
    /// Checks the storage invariants: every chunk belongs to its archetype and is non-empty, all
    /// chunks but the last of an archetype are full, archetype counts add up to <see cref="World.Size"/>,
    /// every stored entity is alive, stored once, has its archetype's signature, and
    /// <see cref="World.Get{T}"/> returns a reference to exactly the chunk row it is stored in.
    /// </summary>
    public static void Consistent(World world)
    {
        var seen = new HashSet<Entity>();
        var total = 0;
        foreach (var archetype in world.Archetypes)
        {
            var inArchetype = 0;
            for (var i = 0; i < archetype.Chunks.Count; i++)
            {
                var chunk = archetype.Chunks[i];
                Assert.Same(archetype, chunk.Archetype);
                Assert.True(chunk.Count > 0, $"{archetype} keeps an empty chunk");
                Assert.True(chunk.Count <= chunk.Capacity);
                if (i < archetype.Chunks.Count - 1)
                {
                    Assert.True(chunk.Count == chunk.Capacity, $"{archetype}: chunk {i} of {archetype.Chunks.Count} is not full");
                }
                for (var row = 0; row < chunk.Count; row++)
                {
                    var entity = chunk.Entities[row];
                    Assert.True(world.IsAlive(entity), $"{entity} is stored but not alive");
                    Assert.True(seen.Add(entity), $"{entity} is stored twice");
                    Assert.Equal(archetype.Signature, world.GetSignature(entity));
                    SameRow<Health>(world, chunk, row, entity);
                    SameRow<Position>(world, chunk, row, entity);
                    SameRow<Velocity>(world, chunk, row, entity);
                    SameRow<Mass>(world, chunk, row, entity);
                    SameRow<Label>(world, chunk, row, entity);
                }
                inArchetype += chunk.Count;
            }
            Assert.Equal(archetype.EntityCount, inArchetype);
            total += inArchetype;
        }
        Assert.Equal(world.Size, total);
    }

    private static void SameRow<T>(World world, Chunk chunk, int row, Entity entity)
    {
        Assert.Equal(chunk.Has<T>(), world.Has<T>(entity));
        if (!chunk.Has<T>()) return;
        Assert.True(
            Unsafe.AreSame(ref chunk.Get<T>(row), ref world.Get<T>(entity)),
            $"world.Get<{typeof(T).Name}>({entity}) does not point at its chunk row {row}");
    }
}
