namespace NeuronSim.Ecs.Tests;

public class ComponentTests
{
    [Fact]
    public void Get_ReturnsAReferenceIntoStorage()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Velocity(3, 4));

        ref var position = ref world.Get<Position>(e);
        position.X = 10;
        position.Y += 5;

        Assert.Equal(new Position(10, 7), world.Get<Position>(e));
        Assert.Equal(new Velocity(3, 4), world.Get<Velocity>(e));
    }

    [Fact]
    public void Set_OverwritesOnlyThatEntitysComponent()
    {
        using var world = World.Create();
        var a = world.Create(new Health(1), new Mass(1));
        var b = world.Create(new Health(2), new Mass(2));

        world.Set(a, new Health(42));

        Assert.Equal(new Health(42), world.Get<Health>(a));
        Assert.Equal(new Mass(1), world.Get<Mass>(a));
        Assert.Equal(new Health(2), world.Get<Health>(b));
    }

    [Fact]
    public void HasAndTryGet_ReportPresence()
    {
        using var world = World.Create();
        var e = world.Create(new Health(5));

        Assert.True(world.Has<Health>(e));
        Assert.False(world.Has<Mass>(e));
        Assert.False(world.Has<NeverUsed>(e));
        Assert.True(world.TryGet<Health>(e, out var health));
        Assert.Equal(new Health(5), health);
        Assert.False(world.TryGet<Mass>(e, out var mass));
        Assert.Equal(default, mass);
    }

    [Fact]
    public void Add_KeepsTheOtherComponentValues()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1), new Position(2, 3), new Label("keep"));

        world.Add(e, new Velocity(4, 5));

        Assert.Equal(new Health(1), world.Get<Health>(e));
        Assert.Equal(new Position(2, 3), world.Get<Position>(e));
        Assert.Equal(new Label("keep"), world.Get<Label>(e));
        Assert.Equal(new Velocity(4, 5), world.Get<Velocity>(e));
        Assert.Equal(4, world.GetSignature(e).Count);
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void Add_WithoutAValue_StoresTheDefault()
    {
        using var world = World.Create();
        var e = world.Create();
        world.Add<Health>(e);
        world.Add<Label>(e);
        world.Add<Frozen>(e);

        Assert.Equal(default, world.Get<Health>(e));
        Assert.Null(world.Get<Label>(e));
        Assert.True(world.Has<Frozen>(e));
    }

    [Fact]
    public void Remove_KeepsTheOtherComponentValues()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1), new Position(2, 3), new Velocity(4, 5), new Label("keep"));

        world.Remove<Position>(e);

        Assert.False(world.Has<Position>(e));
        Assert.Equal(new Health(1), world.Get<Health>(e));
        Assert.Equal(new Velocity(4, 5), world.Get<Velocity>(e));
        Assert.Equal(new Label("keep"), world.Get<Label>(e));

        world.Remove<Health>(e);
        world.Remove<Velocity>(e);
        world.Remove<Label>(e);
        Assert.Equal(Signature.Empty, world.GetSignature(e));
        Assert.True(world.IsAlive(e));
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void AddThenRemove_RoundTripsAndReusesArchetypes()
    {
        using var world = World.Create();
        var e = world.Create(new Health(9));
        var signature = world.GetSignature(e);

        for (var i = 0; i < 10; i++)
        {
            world.Add(e, new Mass(i));
            Assert.Equal(new Mass(i), world.Get<Mass>(e));
            world.Remove<Mass>(e);
        }

        Assert.Equal(signature, world.GetSignature(e));
        Assert.Equal(new Health(9), world.Get<Health>(e));
        Assert.Equal(2, world.Archetypes.Count);
    }

    [Fact]
    public void AddingAComponentTheEntityHas_ThrowsAndChangesNothing()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1), new Position(2, 3));
        var version = world.StructureVersion;

        var ex = Assert.Throws<InvalidOperationException>(() => world.Add(e, new Health(99)));

        Assert.Contains(nameof(Health), ex.Message);
        Assert.Contains(e.ToString(), ex.Message);
        Assert.Equal(new Health(1), world.Get<Health>(e));
        Assert.Equal(new Position(2, 3), world.Get<Position>(e));
        Assert.Equal(version, world.StructureVersion);
    }

    [Fact]
    public void RemovingAMissingComponent_ThrowsMissingComponentException()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var version = world.StructureVersion;

        var ex = Assert.Throws<MissingComponentException>(() => world.Remove<Velocity>(e));

        Assert.Equal(typeof(Velocity), ex.Component);
        Assert.Contains(nameof(Velocity), ex.Message);
        Assert.Contains(e.ToString(), ex.Message);
        Assert.Equal(new Health(1), world.Get<Health>(e));
        Assert.Equal(version, world.StructureVersion);
    }

    [Fact]
    public void GettingOrSettingAMissingComponent_ThrowsMissingComponentException()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));

        var get = Assert.Throws<MissingComponentException>(() => world.Get<Mass>(e));
        Assert.Equal(typeof(Mass), get.Component);
        Assert.Contains(nameof(Mass), get.Message);
        Assert.Contains(e.ToString(), get.Message);
        Assert.Contains(nameof(Health), get.Message); // says what the entity does have

        var set = Assert.Throws<MissingComponentException>(() => world.Set(e, new Label("x")));
        Assert.Equal(typeof(Label), set.Component);
        Assert.Contains(e.ToString(), set.Message);

        var never = Assert.Throws<MissingComponentException>(() => world.Get<NeverUsed>(e));
        Assert.Contains(nameof(NeverUsed), never.Message);
    }

    [Fact]
    public void AddAndRemove_DoNotDisturbTheEntitiesLeftBehind()
    {
        // Moving an entity out of a chunk moves its archetype's last entity into the hole.
        using var world = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 4);
        var entities = Enumerable.Range(0, 30).Select(i => world.Create(new Health(i), new Position(i, -i))).ToList();

        for (var i = 0; i < 30; i += 3) world.Add(entities[i], new Mass(i * 10));
        for (var i = 1; i < 30; i += 5) world.Remove<Position>(entities[i]);

        for (var i = 0; i < 30; i++)
        {
            var e = entities[i];
            Assert.Equal(new Health(i), world.Get<Health>(e));
            Assert.Equal(i % 3 == 0, world.Has<Mass>(e));
            if (i % 3 == 0) Assert.Equal(new Mass(i * 10), world.Get<Mass>(e));
            Assert.Equal(i % 5 != 1, world.Has<Position>(e));
            if (i % 5 != 1) Assert.Equal(new Position(i, -i), world.Get<Position>(e));
        }
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void DestroyingInTheMiddleOfAChunk_MovesTheLastEntityIntoItsPlace()
    {
        using var world = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 8);
        var entities = Enumerable.Range(0, 20).Select(i => world.Create(new Health(i), new Label($"#{i}"))).ToList();
        var archetype = Assert.Single(world.Archetypes);
        Assert.Equal(8, archetype.ChunkCapacity);
        Assert.Equal(3, archetype.Chunks.Count);
        var firstChunk = archetype.Chunks[0];
        Assert.Equal(entities[3], firstChunk.Entities[3]);

        world.Destroy(entities[3]);

        var last = entities[19];
        Assert.Equal(last, firstChunk.Entities[3]);
        Assert.Equal(new Health(19), firstChunk.GetArray<Health>()[3]);
        Assert.Equal(new Label("#19"), firstChunk.GetArray<Label>()[3]);
        Assert.Equal(new Health(19), world.Get<Health>(last));
        Assert.Equal(new Label("#19"), world.Get<Label>(last));
        Assert.Equal(3, archetype.Chunks[2].Count);
        Assert.Null(archetype.Chunks[2].GetArray<Label>()[3]); // the vacated row does not keep a reference alive

        // Mutating through the world after the move writes the moved row.
        world.Set(last, new Health(1_000));
        Assert.Equal(new Health(1_000), firstChunk.GetArray<Health>()[3]);
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void DestroyingTheOnlyEntityOfTheLastChunk_DropsThatChunk()
    {
        using var world = World.Create(chunkSizeInBytes: 64, minimumEntitiesPerChunk: 4);
        var first = world.Create(new Health(0));
        var archetype = Assert.Single(world.Archetypes);
        var capacity = archetype.ChunkCapacity;
        var entities = new[] { first }.Concat(Enumerable.Range(1, capacity).Select(i => world.Create(new Health(i)))).ToList();
        Assert.Equal(2, archetype.Chunks.Count);
        Assert.Equal(1, archetype.Chunks[1].Count);

        world.Destroy(entities[capacity]);
        Assert.Single(archetype.Chunks);

        world.Destroy(entities[0]);
        var lastOfChunk = entities[capacity - 1];
        Assert.Equal(lastOfChunk, archetype.Chunks[0].Entities[0]);
        Assert.Equal(new Health(capacity - 1), world.Get<Health>(lastOfChunk));
        EcsAssert.Consistent(world);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomDestroys_KeepEverySurvivorsValues(int seed)
    {
        var random = new Random(seed);
        using var world = World.Create(chunkSizeInBytes: 256, minimumEntitiesPerChunk: 4);
        var model = new Dictionary<Entity, (Health Health, Position Position, Label Label)>();
        for (var i = 0; i < 2_000; i++)
        {
            var value = (new Health(i), new Position(i * 3, -i), new Label($"e{i}"));
            model.Add(world.Create(value.Item1, value.Item2, value.Item3), value);
        }
        Assert.True(Assert.Single(world.Archetypes).Chunks.Count > 10);
        var dead = new List<Entity>();

        while (model.Count > 0)
        {
            var batch = Math.Min(model.Count, random.Next(1, 200));
            foreach (var victim in model.Keys.OrderBy(_ => random.Next()).Take(batch).ToList())
            {
                world.Destroy(victim);
                model.Remove(victim);
                dead.Add(victim);
            }

            Assert.Equal(model.Count, world.Size);
            foreach (var (entity, expected) in model)
            {
                Assert.True(world.IsAlive(entity));
                Assert.Equal(expected.Health, world.Get<Health>(entity));
                Assert.Equal(expected.Position, world.Get<Position>(entity));
                Assert.Equal(expected.Label, world.Get<Label>(entity));
            }
            Assert.All(dead, e => Assert.False(world.IsAlive(e)));
            EcsAssert.Consistent(world);
        }

        Assert.Empty(Assert.Single(world.Archetypes).Chunks);
    }

    [Fact]
    public void ReferenceComponents_AreStoredByReference()
    {
        using var world = World.Create();
        var label = new Label("shared");
        var a = world.Create(label);
        var b = world.Create(label, new Health(1));

        Assert.Same(label, world.Get<Label>(a));
        Assert.Same(label, world.Get<Label>(b));
        world.Set(a, new Label("other"));
        Assert.Same(label, world.Get<Label>(b));
    }

    [Fact]
    public void ChunkAccessors_ExposeTheColumns()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 10).Select(i => world.Create(new Health(i), new Mass(i * 2))).ToList();
        var chunk = Assert.Single(Assert.Single(world.Archetypes).Chunks);

        Assert.True(chunk.Has<Health>());
        Assert.False(chunk.Has<Position>());
        Assert.Equal(10, chunk.Count);
        Assert.Equal(chunk.Capacity, chunk.GetArray<Health>().Length);
        Assert.Equal(entities, chunk.EntitySpan.ToArray());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => new Mass(i * 2)), chunk.GetSpan<Mass>().ToArray());

        chunk.GetSpan<Health>()[4].Value = 400;
        chunk.Get<Mass>(5).Value = 500;
        Assert.Equal(new Health(400), world.Get<Health>(entities[4]));
        Assert.Equal(new Mass(500), world.Get<Mass>(entities[5]));

        var ex = Assert.Throws<MissingComponentException>(() => chunk.GetArray<Position>());
        Assert.Equal(typeof(Position), ex.Component);
        Assert.Contains(nameof(Position), ex.Message);
    }

    [Fact]
    public void ComponentTypes_HaveStableDistinctIds()
    {
        var health = ComponentType.Of<Health>();
        Assert.Equal(health, ComponentType.Of<Health>());
        Assert.Equal(health.Id, Component<Health>.Id);
        Assert.Equal(typeof(Health), health.Type);
        Assert.Equal(sizeof(int), health.Size);
        Assert.NotEqual(health.Id, ComponentType.Of<Mass>().Id);
        Assert.Equal(health, ComponentType.FromId(health.Id));
        Assert.Equal(nameof(Health), health.ToString());
    }
}
