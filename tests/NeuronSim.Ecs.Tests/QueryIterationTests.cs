namespace NeuronSim.Ecs.Tests;

public class QueryIterationTests
{
    // ---- structural changes and the iteration guard ---------------------------------------------

    [Fact]
    public void NestedQueriesAndReads_AreAllowedDuringAQuery()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(1, 20).Select(i => world.Create(new Health(i), new Mass(0))).ToList();
        var description = new QueryDescription().WithAll<Health, Mass>();

        world.Query(in description, (Entity e, ref Health h, ref Mass m) =>
        {
            var total = 0;
            world.Query(in description, (ref Health other) => total += other.Value);
            m.Value = total;
            Assert.Equal(20, world.CountEntities(in description));
            world.Set(e, new Health(h.Value)); // Set is not structural
            Assert.True(world.Has<Health>(e));
        });

        foreach (var e in entities) Assert.Equal(210, world.Get<Mass>(e).Value);
    }

    // ---- structural changes during a query ----------------------------------------------------

    public static TheoryData<string, string> StructuralDuringQuery()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "Query", "EntityQuery", "InlineQuery", "InlineEntityQuery", "GetChunks" })
        {
            foreach (var change in new[] { "Create", "CreateWith", "Destroy", "Add", "AddNewArchetype", "Remove" })
            {
                data.Add(form, change);
            }
        }
        return data;
    }

    private struct Attempt(Action action) : IForEach<Health>, IForEachWithEntity<Health>
    {
        public void Update(ref Health h) => action();
        public void Update(Entity e, ref Health h) => action();
    }

    [Theory]
    [MemberData(nameof(StructuralDuringQuery))]
    public void StructuralChangeDuringAQuery_ThrowsAndPointsToCommandBuffer(string form, string change)
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 5).Select(i => world.Create(new Health(i), new Mass(i))).ToList();
        world.Create(new Health(10), new Mass(10), new Frozen()); // so "Add" moves into an existing archetype
        world.Create(new Health(11)); // so "Remove" moves into an existing archetype
        var target = entities[2];
        var description = new QueryDescription().WithAll<Health>();
        var size = world.Size;
        var version = world.StructureVersion;
        var archetypes = world.Archetypes.Count;
        Action act = change switch
        {
            "Create" => () => world.Create(),
            "CreateWith" => () => world.Create(new Charge(1)),
            "Destroy" => () => world.Destroy(target),
            "Add" => () => world.Add(target, new Frozen()),
            "AddNewArchetype" => () => world.Add(target, new Label("new")),
            "Remove" => () => world.Remove<Mass>(target),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        var thrown = new List<Exception>();
        void Try()
        {
            try { act(); }
            catch (Exception ex) { thrown.Add(ex); }
        }

        var attempt = new Attempt(Try);
        switch (form)
        {
            case "Query": world.Query(in description, (ref Health _) => Try()); break;
            case "EntityQuery": world.Query(in description, (Entity _, ref Health _) => Try()); break;
            case "InlineQuery": world.InlineQuery<Attempt, Health>(in description, ref attempt); break;
            case "InlineEntityQuery": world.InlineEntityQuery<Attempt, Health>(in description, ref attempt); break;
            default:
                foreach (var _ in world.GetChunks(in description)) Try();
                break;
        }

        Assert.NotEmpty(thrown);
        Assert.All(thrown, ex =>
        {
            Assert.IsType<InvalidOperationException>(ex);
            Assert.Contains("CommandBuffer", ex.Message);
        });

        // Nothing changed ...
        Assert.Equal(size, world.Size);
        Assert.Equal(version, world.StructureVersion);
        Assert.Equal(archetypes, world.Archetypes.Count);
        Assert.All(entities, e => Assert.True(world.IsAlive(e)));
        Assert.All(entities, e => Assert.Equal(Signature.OfDistinct([Component<Health>.Id, Component<Mass>.Id]), world.GetSignature(e)));
        EcsAssert.Consistent(world);

        // ... and once the query is over the same change goes through.
        act();
        Assert.NotEqual(version, world.StructureVersion);
        EcsAssert.Consistent(world);
    }

    [Fact]
    public void AnExceptionLeavingAQuery_EndsTheIteration()
    {
        using var world = World.Create();
        world.Create(new Health(1));
        var description = new QueryDescription().WithAll<Health>();

        Assert.Throws<FormatException>(() => world.Query(in description, (ref Health _) => throw new FormatException()));
        Assert.Throws<FormatException>(() =>
        {
            foreach (var _ in world.GetChunks(in description)) throw new FormatException();
        });

        var e = world.Create(new Health(2));
        world.Destroy(e);
        Assert.Equal(1, world.Size);
    }

    [Fact]
    public void LeavingAChunkLoopEarly_EndsTheIteration()
    {
        using var world = World.Create();
        for (var i = 0; i < 3; i++) world.Create(new Health(i));
        world.Create(new Mass(1));

        foreach (var chunk in world.GetChunks(new QueryDescription()))
        {
            Assert.True(chunk.Count > 0);
            break;
        }

        // GetChunks alone (not enumerated) does not start an iteration either.
        _ = world.GetChunks(new QueryDescription());
        world.Create();
        Assert.Equal(5, world.Size);
    }
}
