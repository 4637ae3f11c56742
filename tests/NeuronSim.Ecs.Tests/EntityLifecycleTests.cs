namespace NeuronSim.Ecs.Tests;

public class EntityLifecycleTests
{
    [Fact]
    public void Create_GivesAliveEntitiesWithDistinctIdsAndVersionOne()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 200).Select(_ => world.Create()).ToList();

        Assert.Equal(200, world.Size);
        Assert.Equal(200, entities.Select(e => e.Id).Distinct().Count());
        Assert.All(entities, e => Assert.Equal(1, e.Version));
        Assert.All(entities, e => Assert.True(world.IsAlive(e)));
        Assert.All(entities, e => Assert.Equal(Signature.Empty, world.GetSignature(e)));
        Assert.DoesNotContain(Entity.Null, entities);
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void Create_WithComponents_StoresEveryValue()
    {
        using var world = World.Create();
        var one = world.Create(new Health(1));
        var two = world.Create(new Health(2), new Position(3, 4));
        var three = world.Create(new Health(5), new Position(6, 7), new Velocity(8, 9));
        var four = world.Create(new Health(10), new Position(11, 12), new Velocity(13, 14), new Mass(15));
        var five = world.Create(new Health(16), new Position(17, 18), new Velocity(19, 20), new Mass(21), new Label("five"));

        Assert.Equal(new Health(1), world.Get<Health>(one));
        Assert.Equal(new Health(2), world.Get<Health>(two));
        Assert.Equal(new Position(3, 4), world.Get<Position>(two));
        Assert.Equal(new Velocity(8, 9), world.Get<Velocity>(three));
        Assert.Equal(new Mass(15), world.Get<Mass>(four));
        Assert.Equal(new Health(16), world.Get<Health>(five));
        Assert.Equal(new Position(17, 18), world.Get<Position>(five));
        Assert.Equal(new Velocity(19, 20), world.Get<Velocity>(five));
        Assert.Equal(new Mass(21), world.Get<Mass>(five));
        Assert.Equal(new Label("five"), world.Get<Label>(five));
        Assert.Equal(5, world.GetSignature(five).Count);
        Assert.Equal(5, world.Archetypes.Count(a => a.EntityCount > 0));
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void Create_InAnyComponentOrder_UsesOneArchetype()
    {
        using var world = World.Create();
        var a = world.Create(new Health(1), new Position(2, 3));
        var b = world.Create(new Position(4, 5), new Health(6));

        Assert.Equal(world.GetSignature(a), world.GetSignature(b));
        Assert.Single(world.Archetypes, x => x.EntityCount == 2);
        Assert.Equal(new Health(6), world.Get<Health>(b));
        Assert.Equal(new Position(4, 5), world.Get<Position>(b));
    }

    [Fact]
    public void Create_WithTheSameComponentTypeTwice_ThrowsArgumentException()
    {
        using var world = World.Create();

        Assert.Throws<ArgumentException>(() => world.Create(new Health(1), new Health(2)));
        Assert.Throws<ArgumentException>(() => world.Create(new Health(1), new Mass(2), new Health(3)));
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void Destroy_MakesTheEntityDeadAndShrinksTheWorld()
    {
        using var world = World.Create();
        var keep = world.Create(new Health(1));
        var doomed = world.Create(new Health(2));

        world.Destroy(doomed);

        Assert.False(world.IsAlive(doomed));
        Assert.True(world.IsAlive(keep));
        Assert.Equal(1, world.Size);
        Assert.Equal(new Health(1), world.Get<Health>(keep));
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void DestroyedId_IsReusedWithAHigherVersion()
    {
        using var world = World.Create();
        var first = world.Create(new Health(1));
        world.Create(new Health(2));

        world.Destroy(first);
        var second = world.Create(new Position(3, 4));

        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Version > first.Version);
        Assert.NotEqual(first, second);
        Assert.True(world.IsAlive(second));
        Assert.False(world.IsAlive(first));
        Assert.Equal(2, world.Size);
    }

    [Fact]
    public void RecyclingOneIdManyTimes_GivesStrictlyIncreasingVersions()
    {
        using var world = World.Create();
        var handles = new List<Entity>();
        for (var i = 0; i < 50; i++)
        {
            var e = world.Create(new Health(i));
            handles.Add(e);
            world.Destroy(e);
        }

        Assert.All(handles, h => Assert.Equal(handles[0].Id, h.Id));
        for (var i = 1; i < handles.Count; i++) Assert.True(handles[i].Version > handles[i - 1].Version);
        Assert.All(handles, h => Assert.False(world.IsAlive(h)));
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void ManyDestroyedIds_AreAllReusedBeforeNewOnesAreMinted()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 100).Select(i => world.Create(new Health(i))).ToList();
        var destroyedIds = entities.Where(e => e.Id % 3 == 0).Select(e => e.Id).ToHashSet();
        foreach (var e in entities.Where(e => e.Id % 3 == 0)) world.Destroy(e);

        var reborn = Enumerable.Range(0, destroyedIds.Count).Select(_ => world.Create()).ToList();

        Assert.Equal(destroyedIds, reborn.Select(e => e.Id).ToHashSet());
        Assert.All(reborn, e => Assert.Equal(2, e.Version));
        Assert.Equal(100, world.Create().Id);
    }

    [Fact]
    public void StaleHandle_DoesNotAliasTheEntityThatReusedItsId()
    {
        using var world = World.Create();
        var stale = world.Create(new Health(1));
        world.Destroy(stale);
        var fresh = world.Create(new Health(2));
        Assert.Equal(stale.Id, fresh.Id);

        Assert.False(world.IsAlive(stale));
        Assert.False(world.TryGet<Health>(stale, out _));
        var ex = Assert.Throws<DeadEntityException>(() => world.Get<Health>(stale));
        Assert.Equal(stale, ex.Entity);
        Assert.Equal(new Health(2), world.Get<Health>(fresh));
    }

    public static TheoryData<string> StaleOperations() => new()
    {
        "Get", "Set", "Destroy", "Has", "Add", "Remove", "GetSignature",
    };

    [Theory]
    [MemberData(nameof(StaleOperations))]
    public void UsingAStaleHandle_ThrowsDeadEntityExceptionNamingTheEntity(string operation)
    {
        using var world = World.Create();
        var stale = world.Create(new Health(7), new Position(1, 1));
        world.Destroy(stale);
        var fresh = world.Create(new Health(8), new Position(2, 2)); // occupies the same id
        var version = world.StructureVersion;

        Action act = operation switch
        {
            "Get" => () => world.Get<Health>(stale),
            "Set" => () => world.Set(stale, new Health(99)),
            "Destroy" => () => world.Destroy(stale),
            "Has" => () => world.Has<Health>(stale),
            "Add" => () => world.Add(stale, new Mass(1)),
            "Remove" => () => world.Remove<Health>(stale),
            "GetSignature" => () => world.GetSignature(stale),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var ex = Assert.Throws<DeadEntityException>(act);
        Assert.Equal(stale, ex.Entity);
        Assert.Contains(stale.ToString(), ex.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);

        // The entity now holding the id is untouched.
        Assert.True(world.IsAlive(fresh));
        Assert.Equal(new Health(8), world.Get<Health>(fresh));
        Assert.Equal(new Position(2, 2), world.Get<Position>(fresh));
        Assert.False(world.Has<Mass>(fresh));
        Assert.Equal(1, world.Size);
        Assert.Equal(version, world.StructureVersion);
    }

    [Fact]
    public void DestroyingTwice_Throws()
    {
        using var world = World.Create();
        var e = world.Create();
        world.Destroy(e);

        var ex = Assert.Throws<DeadEntityException>(() => world.Destroy(e));
        Assert.Contains(e.ToString(), ex.Message);
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void DefaultEntity_IsNeverAlive()
    {
        using var world = World.Create();
        Assert.Equal(default, Entity.Null);
        Assert.False(world.IsAlive(default));

        var first = world.Create(new Health(1)); // takes id 0
        Assert.Equal(0, first.Id);
        Assert.False(world.IsAlive(default));
        Assert.False(world.IsAlive(Entity.Null));

        world.Destroy(first);
        Assert.False(world.IsAlive(default));
        world.Create();
        Assert.False(world.IsAlive(default));

        var ex = Assert.Throws<DeadEntityException>(() => world.Get<Health>(default));
        Assert.Contains(default(Entity).ToString(), ex.Message);
        Assert.Throws<DeadEntityException>(() => world.Destroy(default));
        Assert.False(world.TryGet<Health>(default, out _));
    }

    [Fact]
    public void HandlesThatWereNeverCreated_AreNotAlive()
    {
        using var world = World.Create();
        var e = world.Create();

        Assert.False(world.IsAlive(new Entity(e.Id, e.Version + 1)));
        Assert.False(world.IsAlive(new Entity(e.Id + 1, 1)));
        Assert.False(world.IsAlive(new Entity(1_000_000, 1)));
        Assert.False(world.IsAlive(new Entity(-1, 1)));
        Assert.False(world.IsAlive(new Entity(int.MinValue, 0)));
        Assert.Throws<DeadEntityException>(() => world.Get<Health>(new Entity(-5, 1)));
    }

    [Fact]
    public void EntityFromAnotherWorld_IsNotAliveThere()
    {
        using var a = World.Create();
        using var b = World.Create();
        a.Create();
        var onlyInA = a.Create(new Health(1));

        Assert.False(b.IsAlive(onlyInA));
        Assert.Throws<DeadEntityException>(() => b.Get<Health>(onlyInA));
    }

    [Fact]
    public void Entity_ToStringShowsIdAndVersion()
    {
        Assert.Equal("Entity(3v2)", new Entity(3, 2).ToString());
    }

    [Fact]
    public void StructureVersion_ChangesOnStructuralChangesOnly()
    {
        using var world = World.Create();
        var v0 = world.StructureVersion;
        var e = world.Create(new Health(1));
        var v1 = world.StructureVersion;
        Assert.True(v1 > v0);

        world.Set(e, new Health(2));
        world.Get<Health>(e).Value = 3;
        _ = world.Has<Health>(e);
        _ = world.CountEntities(new QueryDescription().WithAll<Health>());
        Assert.Equal(v1, world.StructureVersion);

        world.Add(e, new Mass(1));
        var v2 = world.StructureVersion;
        Assert.True(v2 > v1);
        world.Remove<Mass>(e);
        var v3 = world.StructureVersion;
        Assert.True(v3 > v2);
        world.Destroy(e);
        Assert.True(world.StructureVersion > v3);
    }

    [Fact]
    public void WorldCreate_RejectsTooSmallChunks()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => World.Create(chunkSizeInBytes: 63));
        Assert.Throws<ArgumentOutOfRangeException>(() => World.Create(minimumEntitiesPerChunk: 0));
        using var smallest = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 1);
        var e = smallest.Create(new Health(1), new Position(2, 3));
        Assert.Equal(new Position(2, 3), smallest.Get<Position>(e));
    }

    [Fact]
    public void ChunkCapacity_FollowsTheChunkSizeAndMinimum()
    {
        using var world = World.Create(chunkSizeInBytes: 1_024, minimumEntitiesPerChunk: 2);
        for (var i = 0; i < 100; i++) world.Create(new Health(i), new Position(i, i));
        var archetype = Assert.Single(world.Archetypes, a => a.EntityCount > 0);

        // 8 bytes of entity + 4 of Health + 8 of Position per row: 51 fit in 1 KiB; the capacity is
        // the largest power of two that fits (so an entity's place packs into one int).
        Assert.Equal(32, archetype.ChunkCapacity);
        Assert.Equal((100 + archetype.ChunkCapacity - 1) / archetype.ChunkCapacity, archetype.Chunks.Count);

        using var tiny = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 10);
        tiny.Create(new Health(1), new Position(1, 1));
        Assert.Equal(16, Assert.Single(tiny.Archetypes, a => a.EntityCount > 0).ChunkCapacity); // the minimum 10, rounded up to a power of two

        using var atLeast = World.Create(chunkSizeInBytes: 2_200, minimumEntitiesPerChunk: 100);
        atLeast.Create(new Health(1), new Position(1, 1));
        Assert.Equal(128, Assert.Single(atLeast.Archetypes, a => a.EntityCount > 0).ChunkCapacity); // 110 fit, 64 < the minimum 100
    }

    [Fact]
    public void Dispose_DestroysEverythingAndOldHandlesStayDead()
    {
        var world = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 4);
        var old = Enumerable.Range(0, 20).Select(i => world.Create(new Health(i))).ToList();
        var query = new QueryDescription().WithAll<Health>();
        Assert.Equal(20, world.CountEntities(query)); // caches the query's archetypes

        world.Dispose();

        Assert.Equal(0, world.Size);
        Assert.All(old, e => Assert.False(world.IsAlive(e)));
        Assert.Equal(0, world.CountEntities(query));
        var visited = 0;
        world.Query(in query, (ref Health _) => visited++);
        Assert.Equal(0, visited);

        // The world can be used again, and old handles do not alias the new entities.
        var fresh = world.Create(new Health(100));
        Assert.True(world.IsAlive(fresh));
        Assert.All(old, e => Assert.False(world.IsAlive(e)));
        Assert.Throws<DeadEntityException>(() => world.Get<Health>(old[0]));
        Assert.Equal(1, world.CountEntities(query));
        world.Query(in query, (ref Health h) => { visited++; Assert.Equal(100, h.Value); });
        Assert.Equal(1, visited);
        EcsAssert.Consistent(world);
    }
}
