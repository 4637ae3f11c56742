namespace NeuronSim.Ecs.Tests;

public class QueryTests
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

    // ---- the four query forms ------------------------------------------------------------------

    /// <summary>Bumps every component it is given by one and records what it visited.</summary>
    private struct Bumper :
        IForEach<Health>, IForEach<Health, Mass>, IForEach<Health, Mass, Charge>, IForEach<Health, Mass, Charge, Position>,
        IForEachWithEntity<Health>, IForEachWithEntity<Health, Mass>, IForEachWithEntity<Health, Mass, Charge>,
        IForEachWithEntity<Health, Mass, Charge, Position>
    {
        public int Visits;
        public List<Entity> Seen;

        public Bumper() => Seen = new List<Entity>();

        public void Update(ref Health h) { Visits++; h.Value++; }
        public void Update(ref Health h, ref Mass m) { Update(ref h); m.Value++; }
        public void Update(ref Health h, ref Mass m, ref Charge c) { Update(ref h, ref m); c.Value++; }
        public void Update(ref Health h, ref Mass m, ref Charge c, ref Position p) { Update(ref h, ref m, ref c); p.X++; }
        public void Update(Entity e, ref Health h) { Seen.Add(e); Update(ref h); }
        public void Update(Entity e, ref Health h, ref Mass m) { Seen.Add(e); Update(ref h, ref m); }
        public void Update(Entity e, ref Health h, ref Mass m, ref Charge c) { Seen.Add(e); Update(ref h, ref m, ref c); }
        public void Update(Entity e, ref Health h, ref Mass m, ref Charge c, ref Position p) { Seen.Add(e); Update(ref h, ref m, ref c, ref p); }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AllFourQueryForms_VisitTheSameEntitiesAndMutateByRef(int arity)
    {
        using var world = World.Create(chunkSizeInBytes: 128, minimumEntitiesPerChunk: 3);
        var entities = new List<Entity>();
        for (var i = 0; i < 40; i++)
        {
            var e = (i % 6) switch
            {
                0 => world.Create(new Health(0)),
                1 => world.Create(new Health(0), new Mass(0)),
                2 => world.Create(new Health(0), new Mass(0), new Charge(0)),
                3 => world.Create(new Health(0), new Mass(0), new Charge(0), new Position(0, 0)),
                4 => world.Create(new Health(0), new Mass(0), new Charge(0), new Position(0, 0), new Label("tagged")),
                _ => world.Create(new Mass(0), new Charge(0), new Position(0, 0)),
            };
            if (i % 4 == 0) world.Add<Frozen>(e);
            entities.Add(e);
        }
        bool Matched(Entity e) => world.Has<Health>(e)
            && (arity < 2 || world.Has<Mass>(e))
            && (arity < 3 || world.Has<Charge>(e))
            && (arity < 4 || world.Has<Position>(e));
        var expected = entities.Where(Matched).ToHashSet();
        var description = arity switch
        {
            1 => new QueryDescription().WithAll<Health>(),
            2 => new QueryDescription().WithAll<Health, Mass>(),
            3 => new QueryDescription().WithAll<Health, Mass, Charge>(),
            _ => new QueryDescription().WithAll<Health, Mass, Charge, Position>(),
        };
        Assert.Equal(expected.Count, world.CountEntities(in description));

        var delegateVisits = 0;
        var entityDelegateSeen = new List<Entity>();
        var inline = new Bumper();
        var inlineEntity = new Bumper();
        switch (arity)
        {
            case 1:
                world.Query(in description, (ref Health h) => { delegateVisits++; h.Value++; });
                world.Query(in description, (Entity e, ref Health h) => { entityDelegateSeen.Add(e); h.Value++; });
                world.InlineQuery<Bumper, Health>(in description, ref inline);
                world.InlineEntityQuery<Bumper, Health>(in description, ref inlineEntity);
                break;
            case 2:
                world.Query(in description, (ref Health h, ref Mass m) => { delegateVisits++; h.Value++; m.Value++; });
                world.Query(in description, (Entity e, ref Health h, ref Mass m) => { entityDelegateSeen.Add(e); h.Value++; m.Value++; });
                world.InlineQuery<Bumper, Health, Mass>(in description, ref inline);
                world.InlineEntityQuery<Bumper, Health, Mass>(in description, ref inlineEntity);
                break;
            case 3:
                world.Query(in description, (ref Health h, ref Mass m, ref Charge c) => { delegateVisits++; h.Value++; m.Value++; c.Value++; });
                world.Query(in description, (Entity e, ref Health h, ref Mass m, ref Charge c) =>
                {
                    entityDelegateSeen.Add(e);
                    h.Value++;
                    m.Value++;
                    c.Value++;
                });
                world.InlineQuery<Bumper, Health, Mass, Charge>(in description, ref inline);
                world.InlineEntityQuery<Bumper, Health, Mass, Charge>(in description, ref inlineEntity);
                break;
            default:
                world.Query(in description, (ref Health h, ref Mass m, ref Charge c, ref Position p) =>
                {
                    delegateVisits++;
                    h.Value++;
                    m.Value++;
                    c.Value++;
                    p.X++;
                });
                world.Query(in description, (Entity e, ref Health h, ref Mass m, ref Charge c, ref Position p) =>
                {
                    entityDelegateSeen.Add(e);
                    h.Value++;
                    m.Value++;
                    c.Value++;
                    p.X++;
                });
                world.InlineQuery<Bumper, Health, Mass, Charge, Position>(in description, ref inline);
                world.InlineEntityQuery<Bumper, Health, Mass, Charge, Position>(in description, ref inlineEntity);
                break;
        }

        // Every form visited each matched entity exactly once.
        Assert.Equal(expected.Count, delegateVisits);
        Assert.Equal(expected.Count, inline.Visits);
        Assert.Equal(expected.Count, inlineEntity.Visits);
        Assert.Empty(inline.Seen);
        Assert.Equal(expected.Count, entityDelegateSeen.Count);
        Assert.Equal(expected, entityDelegateSeen.ToHashSet());
        Assert.Equal(entityDelegateSeen, inlineEntity.Seen); // same entities, same order

        // Every form mutated through its references: matched components went up by four, others are untouched.
        foreach (var e in entities)
        {
            var bump = expected.Contains(e) ? 4 : 0;
            if (world.Has<Health>(e)) Assert.Equal(bump, world.Get<Health>(e).Value);
            if (arity >= 2 && world.Has<Mass>(e)) Assert.Equal(bump, world.Get<Mass>(e).Value);
            if (arity >= 3 && world.Has<Charge>(e)) Assert.Equal(bump, world.Get<Charge>(e).Value);
            if (arity >= 4 && world.Has<Position>(e)) Assert.Equal(bump, world.Get<Position>(e).X);
            if (arity < 2 && world.Has<Mass>(e)) Assert.Equal(0, world.Get<Mass>(e).Value);
        }
    }

    [Fact]
    public void EntityQuery_HandsEachComponentWithItsOwnEntity()
    {
        using var world = World.Create(chunkSizeInBytes: 128, minimumEntitiesPerChunk: 4);
        var entities = Enumerable.Range(0, 50).Select(i => world.Create(new Health(i), new Mass(-i))).ToList();
        for (var i = 0; i < 50; i += 7) world.Destroy(entities[i]);
        var alive = entities.Where(world.IsAlive).ToDictionary(e => e, e => world.Get<Health>(e).Value);

        var visited = 0;
        world.Query(new QueryDescription().WithAll<Health, Mass>(), (Entity e, ref Health h, ref Mass m) =>
        {
            visited++;
            Assert.Equal(alive[e], h.Value);
            Assert.Equal(-alive[e], m.Value);
        });
        Assert.Equal(alive.Count, visited);
    }

    [Fact]
    public void GetChunks_VisitsEveryMatchedEntityExactlyOnce()
    {
        using var world = World.Create(chunkSizeInBytes: 256, minimumEntitiesPerChunk: 4);
        var random = new Random(7);
        var entities = new List<Entity>();
        for (var i = 0; i < 3_000; i++)
        {
            var e = world.Create(new Health(i));
            if (random.Next(2) == 0) world.Add(e, new Mass(i));
            if (random.Next(3) == 0) world.Add<Frozen>(e);
            entities.Add(e);
        }
        foreach (var e in entities.Where(_ => random.Next(5) == 0).ToList()) world.Destroy(e);
        var description = new QueryDescription().WithAll<Health>();
        var expected = entities.Where(world.IsAlive).ToHashSet();

        var seen = new HashSet<Entity>();
        var chunks = 0;
        foreach (var chunk in world.GetChunks(in description))
        {
            chunks++;
            Assert.True(chunk.Count > 0);
            var health = chunk.GetSpan<Health>();
            var ids = chunk.EntitySpan;
            Assert.Equal(ids.Length, health.Length);
            for (var row = 0; row < chunk.Count; row++)
            {
                Assert.True(seen.Add(ids[row]), $"{ids[row]} visited twice");
                Assert.Equal(world.Get<Health>(ids[row]), health[row]);
                health[row].Value *= -1;
            }
        }

        Assert.Equal(expected, seen);
        Assert.True(chunks > 1);
        Assert.Equal(world.Archetypes.Where(a => description.Matches(a.Signature)).Sum(a => a.Chunks.Count), chunks);
        foreach (var e in expected) Assert.True(world.Get<Health>(e).Value <= 0); // span writes reached storage
    }

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
