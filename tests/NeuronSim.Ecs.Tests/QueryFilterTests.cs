namespace NeuronSim.Ecs.Tests;

public class QueryFilterTests
{
    // ---- filters -------------------------------------------------------------------------------

    private sealed record FilterCase(QueryDescription Description, Func<bool, bool, bool, bool> Expect);

    /// <summary>Query filters over Health (h), Mass (m) and Charge (c), with the expected predicate.</summary>
    private static readonly Dictionary<string, FilterCase> Filters = new()
    {
        ["empty description matches everything"] = new(new QueryDescription(), (h, m, c) => true),
        ["All<Health>"] = new(new QueryDescription().WithAll<Health>(), (h, m, c) => h),
        ["All<Health,Mass>"] = new(new QueryDescription().WithAll<Health, Mass>(), (h, m, c) => h && m),
        ["All<Health,Mass,Charge>"] = new(new QueryDescription().WithAll<Health, Mass, Charge>(), (h, m, c) => h && m && c),
        ["Any<Mass,Charge>"] = new(new QueryDescription().WithAny<Mass, Charge>(), (h, m, c) => m || c),
        ["Any<Health,Mass,Charge>"] = new(new QueryDescription().WithAny<Health, Mass, Charge>(), (h, m, c) => h || m || c),
        ["None<Charge>"] = new(new QueryDescription().WithNone<Charge>(), (h, m, c) => !c),
        ["None<Health,Mass,Charge>"] = new(new QueryDescription().WithNone<Health, Mass, Charge>(), (h, m, c) => !h && !m && !c),
        ["All<Health> None<Mass>"] = new(new QueryDescription().WithAll<Health>().WithNone<Mass>(), (h, m, c) => h && !m),
        ["All<Health> Any<Mass,Charge>"] = new(new QueryDescription().WithAll<Health>().WithAny<Mass, Charge>(), (h, m, c) => h && (m || c)),
        ["Any<Health,Mass> None<Charge>"] = new(new QueryDescription().WithAny<Health, Mass>().WithNone<Charge>(), (h, m, c) => (h || m) && !c),
        ["All<Mass> Any<Health,Charge> None<Frozen>"] = new(
            new QueryDescription().WithAll<Mass>().WithAny<Health, Charge>().WithNone<Frozen>(), (h, m, c) => m && (h || c)),
        ["All<Health> None<Health> is empty"] = new(new QueryDescription().WithAll<Health>().WithNone<Health>(), (h, m, c) => false),
        ["Any<Health> None<Health> is empty"] = new(new QueryDescription().WithAny<Health>().WithNone<Health>(), (h, m, c) => false),
        ["All<NeverUsed> is empty"] = new(new QueryDescription().WithAll<NeverUsed>(), (h, m, c) => false),
        ["None<NeverUsed> matches everything"] = new(new QueryDescription().WithNone<NeverUsed>(), (h, m, c) => true),
        ["Any<NeverUsed,Charge>"] = new(new QueryDescription().WithAny<NeverUsed, Charge>(), (h, m, c) => c),
        ["repeated WithAll is idempotent"] = new(new QueryDescription().WithAll<Mass>().WithAll<Mass>(), (h, m, c) => m),
    };

    public static TheoryData<string> FilterNames() => new(Filters.Keys);

    /// <summary>All 8 subsets of {Health, Mass, Charge}, subset k having 3k+1 entities; every other one also Frozen.</summary>
    private static (World World, List<Entity> Entities) FilterWorld()
    {
        var world = World.Create(chunkSizeInBytes: 128, minimumEntitiesPerChunk: 2);
        var entities = new List<Entity>();
        var n = 0;
        for (var subset = 0; subset < 8; subset++)
        {
            for (var i = 0; i < 3 * subset + 1; i++, n++)
            {
                var e = world.Create();
                if ((subset & 1) != 0) world.Add(e, new Health(n));
                if ((subset & 2) != 0) world.Add(e, new Mass(n));
                if ((subset & 4) != 0) world.Add(e, new Charge(n));
                if (i % 2 == 1) world.Add<Frozen>(e);
                entities.Add(e);
            }
        }
        return (world, entities);
    }

    [Theory]
    [MemberData(nameof(FilterNames))]
    public void Filters_MatchExactlyTheExpectedEntities(string name)
    {
        var (description, expect) = Filters[name];
        var (world, entities) = FilterWorld();
        using var owned = world;
        var expected = entities
            .Where(e => expect(world.Has<Health>(e), world.Has<Mass>(e), world.Has<Charge>(e)))
            .Where(e => !(description.None.Contains(Component<Frozen>.Id) && world.Has<Frozen>(e)))
            .ToHashSet();

        Assert.Equal(expected.Count, world.CountEntities(in description));

        var viaChunks = new List<Entity>();
        foreach (var chunk in world.GetChunks(in description))
        {
            Assert.True(description.Matches(chunk.Archetype.Signature));
            foreach (var e in chunk.EntitySpan) viaChunks.Add(e);
        }
        Assert.Equal(expected.Count, viaChunks.Count);
        Assert.Equal(expected, viaChunks.ToHashSet());

        // The component queries visit the same set when the query's component is required.
        if (description.All.Contains(Component<Health>.Id))
        {
            var viaQuery = new List<Entity>();
            world.Query(in description, (Entity e, ref Health _) => viaQuery.Add(e));
            Assert.Equal(expected.Count, viaQuery.Count);
            Assert.Equal(expected, viaQuery.ToHashSet());
        }
        if (description.All.Contains(Component<Mass>.Id))
        {
            var count = 0;
            world.Query(in description, (ref Mass _) => count++);
            Assert.Equal(expected.Count, count);
        }
    }

    [Fact]
    public void Filters_SeeArchetypesCreatedAfterTheFirstQuery()
    {
        using var world = World.Create();
        var description = new QueryDescription().WithAll<Health>();
        world.Create(new Health(1));
        Assert.Equal(1, world.CountEntities(in description));

        var later = world.Create(new Health(2), new Mass(3));
        var laterStill = world.Create();
        world.Add(laterStill, new Label("x"));
        world.Add(laterStill, new Health(4));

        Assert.Equal(3, world.CountEntities(in description));
        var seen = new List<Entity>();
        world.Query(in description, (Entity e, ref Health _) => seen.Add(e));
        Assert.Contains(later, seen);
        Assert.Contains(laterStill, seen);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void Filters_FollowEntitiesThatChangeArchetype()
    {
        using var world = World.Create();
        var withHealth = new QueryDescription().WithAll<Health>();
        var notFrozen = new QueryDescription().WithAll<Health>().WithNone<Frozen>();
        var entities = Enumerable.Range(0, 10).Select(i => world.Create(new Health(i))).ToList();

        foreach (var e in entities.Take(4)) world.Add<Frozen>(e);
        Assert.Equal(10, world.CountEntities(in withHealth));
        Assert.Equal(6, world.CountEntities(in notFrozen));

        world.Remove<Frozen>(entities[0]);
        world.Remove<Health>(entities[9]);
        Assert.Equal(9, world.CountEntities(in withHealth));
        Assert.Equal(6, world.CountEntities(in notFrozen));
    }

    [Fact]
    public void QueryDescriptions_CompareByValue()
    {
        var a = new QueryDescription().WithAll<Health, Mass>().WithNone<Frozen>();
        var b = new QueryDescription().WithNone<Frozen>().WithAll<Mass>().WithAll<Health>().WithAll<Mass>();
        var c = new QueryDescription().WithAll<Health, Mass>();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal(2, a.All.Count);
        Assert.True(a.None.Contains(Component<Frozen>.Id));
        Assert.Equal(0, a.Any.Count);
    }

    [Fact]
    public void QueryingAnEmptyWorld_VisitsNothing()
    {
        using var world = World.Create();
        var description = new QueryDescription().WithAll<Health>();
        var visits = 0;

        world.Query(in description, (ref Health _) => visits++);
        world.Query(in description, (Entity _, ref Health _) => visits++);
        foreach (var _ in world.GetChunks(in description)) visits++;

        Assert.Equal(0, visits);
        Assert.Equal(0, world.CountEntities(in description));
        Assert.Equal(0, world.CountEntities(new QueryDescription()));
    }

    [Fact]
    public void Query_SkipsMatchedEntitiesThatLackTheRequestedComponent()
    {
        // A WithAny description can match entities that do not have the component the callback takes;
        // the query skips those (CountEntities still counts them).
        using var world = World.Create();
        world.Create(new Health(1));
        world.Create(new Mass(2));
        var description = new QueryDescription().WithAny<Health, Mass>();

        var visits = 0;
        world.Query(in description, (ref Health _) => visits++);

        Assert.Equal(1, visits);
        Assert.Equal(2, world.CountEntities(in description));
    }
}
