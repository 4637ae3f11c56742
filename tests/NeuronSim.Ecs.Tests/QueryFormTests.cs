namespace NeuronSim.Ecs.Tests;

public class QueryFormTests
{
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
}
