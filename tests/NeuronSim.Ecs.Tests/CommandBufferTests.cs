namespace NeuronSim.Ecs.Tests;

public class CommandBufferTests
{
    [Fact]
    public void Recording_DoesNotTouchTheWorld()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var version = world.StructureVersion;
        var buffer = new CommandBuffer();

        buffer.Create();
        buffer.Create(new Health(2));
        buffer.Create(new Health(3), new Mass(4));
        buffer.Add(e, new Mass(5));
        buffer.Set(e, new Health(6));
        buffer.Remove<Health>(e);
        buffer.Destroy(e);

        Assert.Equal(7, buffer.Count);
        Assert.Equal(1, world.Size);
        Assert.Equal(version, world.StructureVersion);
        Assert.Equal(new Health(1), world.Get<Health>(e));
        Assert.False(world.Has<Mass>(e));
    }

    [Fact]
    public void Playback_AppliesCommandsInOrderAndEmptiesTheBuffer()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();

        buffer.Add(e, new Mass(2));
        buffer.Set(e, new Mass(3));           // only valid after the Add
        buffer.Set(e, new Health(4));
        buffer.Remove<Health>(e);
        buffer.Add(e, new Health(5));         // only valid after the Remove
        buffer.Create(new Position(6, 7));
        buffer.Create(new Label("a"), new Velocity(8, 9));
        buffer.Playback(world);

        Assert.Equal(0, buffer.Count);
        Assert.Equal(new Mass(3), world.Get<Mass>(e));
        Assert.Equal(new Health(5), world.Get<Health>(e));
        Assert.Equal(3, world.Size);
        Assert.Equal(1, world.CountEntities(new QueryDescription().WithAll<Position>()));
        var created = new List<(Label, Velocity)>();
        world.Query(new QueryDescription().WithAll<Label, Velocity>(), (ref Label l, ref Velocity v) => created.Add((l, v)));
        Assert.Equal([(new Label("a"), new Velocity(8, 9))], created);

        // Playing back an empty buffer does nothing; the buffer can be reused.
        var version = world.StructureVersion;
        buffer.Playback(world);
        Assert.Equal(version, world.StructureVersion);
        buffer.Destroy(e);
        buffer.Playback(world);
        Assert.False(world.IsAlive(e));
        Assert.Equal(2, world.Size);
    }

    [Fact]
    public void CreateCallback_ReceivesTheNewEntity()
    {
        using var world = World.Create();
        var buffer = new CommandBuffer();
        var made = new List<Entity>();
        buffer.Create((w, entity) =>
        {
            Assert.Same(world, w);
            w.Add(entity, new Health(10));
            made.Add(entity);
        });
        buffer.Create();

        Assert.Empty(made);
        buffer.Playback(world);

        var entity = Assert.Single(made);
        Assert.True(world.IsAlive(entity));
        Assert.Equal(new Health(10), world.Get<Health>(entity));
        Assert.Equal(2, world.Size);
    }

    [Fact]
    public void BufferRecordedDuringAQuery_GivesTheRightWorldAfterPlayback()
    {
        using var world = World.Create(chunkSizeInBytes: 256, minimumEntitiesPerChunk: 4);
        var entities = Enumerable.Range(0, 500).Select(i => world.Create(new Health(i), new Position(i, i))).ToList();
        var buffer = new CommandBuffer();
        var description = new QueryDescription().WithAll<Health, Position>();

        world.Query(in description, (Entity e, ref Health h, ref Position p) =>
        {
            p.Y = -p.Y;                                           // direct writes are fine during the query
            if (h.Value % 3 == 0) buffer.Destroy(e);
            else if (h.Value % 3 == 1) buffer.Add(e, new Mass(h.Value * 2));
            if (h.Value % 10 == 0) buffer.Create(new Health(1_000 + h.Value), new Label($"child of {h.Value}"));
        });

        // Nothing structural happened yet.
        Assert.Equal(500, world.Size);
        Assert.Equal(0, world.CountEntities(new QueryDescription().WithAll<Mass>()));
        Assert.Equal(167 + 167 + 50, buffer.Count);

        buffer.Playback(world);

        Assert.Equal(0, buffer.Count);
        for (var i = 0; i < 500; i++)
        {
            var e = entities[i];
            if (i % 3 == 0)
            {
                Assert.False(world.IsAlive(e));
                continue;
            }
            Assert.Equal(new Health(i), world.Get<Health>(e));
            Assert.Equal(new Position(i, -i), world.Get<Position>(e));
            Assert.Equal(i % 3 == 1, world.Has<Mass>(e));
            if (i % 3 == 1) Assert.Equal(new Mass(i * 2), world.Get<Mass>(e));
        }
        var children = new Dictionary<int, string>();
        world.Query(new QueryDescription().WithAll<Health, Label>(), (ref Health h, ref Label l) => children.Add(h.Value, l.Text));
        Assert.Equal(Enumerable.Range(0, 50).ToDictionary(k => 1_000 + 10 * k, k => $"child of {10 * k}"), children);
        Assert.Equal(500 - 167 + 50, world.Size);
        Assert.Equal(167, world.CountEntities(new QueryDescription().WithAll<Mass>()));
        Assert.Equal(333, world.CountEntities(description));
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void BufferRecordedDuringGetChunks_GivesTheRightWorldAfterPlayback()
    {
        using var world = World.Create(chunkSizeInBytes: 128, minimumEntitiesPerChunk: 2);
        var entities = Enumerable.Range(0, 100).Select(i => world.Create(new Health(i))).ToList();
        var buffer = new CommandBuffer();

        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Health>()))
        {
            var health = chunk.GetSpan<Health>();
            for (var row = 0; row < chunk.Count; row++)
            {
                if (health[row].Value >= 50) buffer.Remove<Health>(chunk.Entities[row]);
                else buffer.Set(chunk.Entities[row], new Health(-health[row].Value));
            }
        }
        buffer.Playback(world);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(world.IsAlive(entities[i]));
            Assert.Equal(i < 50, world.Has<Health>(entities[i]));
            if (i < 50) Assert.Equal(new Health(-i), world.Get<Health>(entities[i]));
        }
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void PlaybackDuringAQuery_IsRefused()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();
        buffer.Destroy(e);
        Exception? thrown = null;

        world.Query(new QueryDescription().WithAll<Health>(), (ref Health _) =>
        {
            thrown = Record.Exception(() => buffer.Playback(world));
        });

        var ex = Assert.IsType<InvalidOperationException>(thrown);
        Assert.Contains("CommandBuffer", ex.Message);
        Assert.True(world.IsAlive(e));
    }

    [Fact]
    public void AFailingCommand_PropagatesAfterTheEarlierCommandsWereApplied()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();
        buffer.Set(e, new Health(2));
        buffer.Destroy(e);
        buffer.Destroy(e); // already destroyed by then
        buffer.Create(new Mass(3));

        var ex = Assert.Throws<DeadEntityException>(() => buffer.Playback(world));

        Assert.Equal(e, ex.Entity);
        Assert.False(world.IsAlive(e));
        Assert.Equal(0, world.Size);     // the command after the failing one did not run ...
        Assert.Equal(0, buffer.Count);   // ... and the buffer was cleared anyway
    }

    [Fact]
    public void CommandsRecordedDuringPlayback_AreAppliedInTheSamePlayback()
    {
        using var world = World.Create();
        var buffer = new CommandBuffer();
        buffer.Create((w, entity) =>
        {
            buffer.Add(entity, new Health(7));
            buffer.Create(new Mass(8));
        });
        buffer.Create(new Position(1, 2));

        buffer.Playback(world);

        Assert.Equal(0, buffer.Count);
        Assert.Equal(3, world.Size);
        Assert.Equal(1, world.CountEntities(new QueryDescription().WithAll<Health>()));
        Assert.Equal(1, world.CountEntities(new QueryDescription().WithAll<Mass>()));
        Assert.Equal(1, world.CountEntities(new QueryDescription().WithAll<Position>()));
    }

    [Fact]
    public void RecordedValues_AreCopiedAtRecordTime()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();
        var value = new Health(2);
        buffer.Set(e, value);
        value.Value = 99;

        buffer.Playback(world);

        Assert.Equal(new Health(2), world.Get<Health>(e));
    }
}
