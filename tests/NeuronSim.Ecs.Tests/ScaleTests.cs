namespace NeuronSim.Ecs.Tests;

public class ScaleTests
{
    private const int N = 100_000;

    private struct SumPositions : IForEach<Position, Velocity>
    {
        public long SumX;
        public long SumDy;
        public int Visits;

        public void Update(ref Position p, ref Velocity v)
        {
            SumX += p.X;
            SumDy += v.Dy;
            Visits++;
        }
    }

    [Fact]
    public void HundredThousandEntities_CreateQueryDestroyHalfThenAll()
    {
        using var world = World.Create();
        var description = new QueryDescription().WithAll<Position, Velocity>();
        var entities = new Entity[N];
        for (var i = 0; i < N; i++) entities[i] = world.Create(new Position(i, -i), new Velocity(1, 2 * i));

        Assert.Equal(N, world.Size);
        Assert.Equal(N, world.CountEntities(in description));
        var archetype = Assert.Single(world.Archetypes);
        Assert.Equal((N + archetype.ChunkCapacity - 1) / archetype.ChunkCapacity, archetype.Chunks.Count);

        // Sums over every entity, by two query forms and by chunks.
        long expectedX = (long)N * (N - 1) / 2;
        var sum = new SumPositions();
        world.InlineQuery<SumPositions, Position, Velocity>(in description, ref sum);
        Assert.Equal(N, sum.Visits);
        Assert.Equal(expectedX, sum.SumX);
        Assert.Equal(2 * expectedX, sum.SumDy);
        long viaDelegate = 0;
        world.Query(in description, (ref Position p, ref Velocity _) => viaDelegate += p.X);
        Assert.Equal(expectedX, viaDelegate);
        long viaChunks = 0;
        foreach (var chunk in world.GetChunks(in description))
        {
            foreach (ref readonly var p in chunk.GetSpan<Position>()) viaChunks += p.X;
        }
        Assert.Equal(expectedX, viaChunks);

        // Mutate everything once through a query.
        world.Query(in description, (ref Position p, ref Velocity v) => p.Y += v.Dx);

        // Destroy every even index.
        for (var i = 0; i < N; i += 2) world.Destroy(entities[i]);

        Assert.Equal(N / 2, world.Size);
        Assert.Equal(N / 2, world.CountEntities(in description));
        long expectedOddX = 0;
        for (var i = 1; i < N; i += 2) expectedOddX += i;
        sum = new SumPositions();
        world.InlineQuery<SumPositions, Position, Velocity>(in description, ref sum);
        Assert.Equal(N / 2, sum.Visits);
        Assert.Equal(expectedOddX, sum.SumX);
        Assert.Equal(2 * expectedOddX, sum.SumDy);
        var seen = new HashSet<Entity>();
        world.Query(in description, (Entity e, ref Position p, ref Velocity v) =>
        {
            Assert.True(seen.Add(e));
            Assert.Equal(1, e.Id % 2);
            Assert.Equal(new Position(p.X, -p.X + 1), p);
            Assert.Equal(new Velocity(1, 2 * p.X), v);
        });
        Assert.Equal(N / 2, seen.Count);
        for (var i = 0; i < N; i++)
        {
            Assert.Equal(i % 2 == 1, world.IsAlive(entities[i]));
            if (i % 2 == 1) Assert.Equal(i, world.Get<Position>(entities[i]).X);
        }
        EcsAssert.Consistent(world);

        // Destroy the rest.
        for (var i = 1; i < N; i += 2) world.Destroy(entities[i]);

        Assert.Equal(0, world.Size);
        Assert.Equal(0, world.CountEntities(in description));
        Assert.Equal(0, world.CountEntities(new QueryDescription()));
        var visits = 0;
        world.Query(in description, (ref Position _, ref Velocity _) => visits++);
        world.Query(in description, (Entity _, ref Position _, ref Velocity _) => visits++);
        sum = new SumPositions();
        world.InlineQuery<SumPositions, Position, Velocity>(in description, ref sum);
        visits += sum.Visits;
        foreach (var _ in world.GetChunks(in description)) visits++;
        Assert.Equal(0, visits);
        Assert.Empty(archetype.Chunks);
        Assert.Equal(0, archetype.EntityCount);
        Assert.All(entities, e => Assert.False(world.IsAlive(e)));

        // Every id is recycled before any new one is minted, with the next version.
        var again = new HashSet<int>();
        for (var i = 0; i < N; i++)
        {
            var e = world.Create(new Position(i, i), new Velocity(0, 0));
            Assert.Equal(2, e.Version);
            again.Add(e.Id);
        }
        Assert.Equal(N, again.Count);
        Assert.True(again.Max() < N);
        Assert.All(entities, e => Assert.False(world.IsAlive(e)));
    }

    /// <summary>What the model believes one entity holds.</summary>
    private sealed class Expected
    {
        public Health? Health;
        public Position? Position;
        public Velocity? Velocity;
        public Label? Label;
    }

    private enum Kind { Health, Position, Velocity, Label }

    private static readonly Kind[] Kinds = Enum.GetValues<Kind>();

    private static bool Has(Expected x, Kind k) => k switch
    {
        Kind.Health => x.Health is not null,
        Kind.Position => x.Position is not null,
        Kind.Velocity => x.Velocity is not null,
        _ => x.Label is not null,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2024)]
    [InlineData(99_991)]
    public void RandomizedOperations_MatchADictionaryModel(int seed)
    {
        var random = new Random(seed);
        using var world = World.Create(chunkSizeInBytes: 256, minimumEntitiesPerChunk: 3);
        var model = new Dictionary<Entity, Expected>();
        var alive = new List<Entity>();
        var dead = new List<Entity>();
        var next = 0;

        Entity PickAlive() => alive[random.Next(alive.Count)];

        for (var step = 0; step < 30_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 30 || alive.Count == 0)
            {
                var x = new Expected();
                var v = next++;
                Entity e;
                switch (random.Next(6))
                {
                    case 0:
                        e = world.Create();
                        break;
                    case 1:
                        e = world.Create(new Health(v));
                        x.Health = new Health(v);
                        break;
                    case 2:
                        e = world.Create(new Position(v, -v), new Velocity(v, 1));
                        x.Position = new Position(v, -v);
                        x.Velocity = new Velocity(v, 1);
                        break;
                    case 3:
                        e = world.Create(new Label($"L{v}"), new Health(v), new Position(1, v));
                        x.Label = new Label($"L{v}");
                        x.Health = new Health(v);
                        x.Position = new Position(1, v);
                        break;
                    case 4:
                        e = world.Create(new Velocity(v, v), new Label($"L{v}"), new Health(-v), new Position(v, 0));
                        x.Velocity = new Velocity(v, v);
                        x.Label = new Label($"L{v}");
                        x.Health = new Health(-v);
                        x.Position = new Position(v, 0);
                        break;
                    default:
                        e = world.Create();
                        world.Add(e, new Velocity(0, v));
                        x.Velocity = new Velocity(0, v);
                        break;
                }
                Assert.True(world.IsAlive(e));
                Assert.False(model.ContainsKey(e), $"{e} handed out twice");
                model.Add(e, x);
                alive.Add(e);
            }
            else if (roll < 50)
            {
                var index = random.Next(alive.Count);
                var e = alive[index];
                world.Destroy(e);
                model.Remove(e);
                alive[index] = alive[^1];
                alive.RemoveAt(alive.Count - 1);
                dead.Add(e);
            }
            else if (roll < 70)
            {
                var e = PickAlive();
                var x = model[e];
                var kind = Kinds[random.Next(Kinds.Length)];
                var v = next++;
                if (Has(x, kind))
                {
                    var ex = kind switch
                    {
                        Kind.Health => Record.Exception(() => world.Add(e, new Health(v))),
                        Kind.Position => Record.Exception(() => world.Add(e, new Position(v, v))),
                        Kind.Velocity => Record.Exception(() => world.Add(e, new Velocity(v, v))),
                        _ => Record.Exception(() => world.Add(e, new Label("dup"))),
                    };
                    Assert.IsType<InvalidOperationException>(ex);
                    continue;
                }
                switch (kind)
                {
                    case Kind.Health: world.Add(e, new Health(v)); x.Health = new Health(v); break;
                    case Kind.Position: world.Add(e, new Position(v, 2)); x.Position = new Position(v, 2); break;
                    case Kind.Velocity: world.Add(e, new Velocity(3, v)); x.Velocity = new Velocity(3, v); break;
                    default: world.Add(e, new Label($"A{v}")); x.Label = new Label($"A{v}"); break;
                }
            }
            else if (roll < 85)
            {
                var e = PickAlive();
                var x = model[e];
                var kind = Kinds[random.Next(Kinds.Length)];
                if (!Has(x, kind))
                {
                    var ex = kind switch
                    {
                        Kind.Health => Record.Exception(() => world.Remove<Health>(e)),
                        Kind.Position => Record.Exception(() => world.Remove<Position>(e)),
                        Kind.Velocity => Record.Exception(() => world.Remove<Velocity>(e)),
                        _ => Record.Exception(() => world.Remove<Label>(e)),
                    };
                    Assert.IsType<MissingComponentException>(ex);
                    continue;
                }
                switch (kind)
                {
                    case Kind.Health: world.Remove<Health>(e); x.Health = null; break;
                    case Kind.Position: world.Remove<Position>(e); x.Position = null; break;
                    case Kind.Velocity: world.Remove<Velocity>(e); x.Velocity = null; break;
                    default: world.Remove<Label>(e); x.Label = null; break;
                }
            }
            else if (roll < 95)
            {
                var e = PickAlive();
                var x = model[e];
                var v = next++;
                if (x.Health is not null)
                {
                    world.Get<Health>(e).Value = v;
                    x.Health = new Health(v);
                }
                if (x.Position is not null)
                {
                    world.Set(e, new Position(v, v));
                    x.Position = new Position(v, v);
                }
            }
            else if (dead.Count > 0)
            {
                var stale = dead[random.Next(dead.Count)];
                Assert.False(world.IsAlive(stale));
                Assert.Throws<DeadEntityException>(() => world.Get<Health>(stale));
            }

            if (step % 1_000 == 999) Verify(world, model, dead);
        }

        Verify(world, model, dead);

        foreach (var e in alive) world.Destroy(e);
        Assert.Equal(0, world.Size);
        Assert.All(world.Archetypes, a => Assert.Empty(a.Chunks));
        EcsAssert.Consistent(world);
    }

    private static void Verify(World world, Dictionary<Entity, Expected> model, List<Entity> dead)
    {
        Assert.Equal(model.Count, world.Size);
        foreach (var (e, x) in model)
        {
            Assert.True(world.IsAlive(e));
            Assert.Equal(x.Health is not null, world.Has<Health>(e));
            Assert.Equal(x.Position is not null, world.Has<Position>(e));
            Assert.Equal(x.Velocity is not null, world.Has<Velocity>(e));
            Assert.Equal(x.Label is not null, world.Has<Label>(e));
            if (x.Health is { } h) Assert.Equal(h, world.Get<Health>(e));
            if (x.Position is { } p) Assert.Equal(p, world.Get<Position>(e));
            if (x.Velocity is { } v) Assert.Equal(v, world.Get<Velocity>(e));
            if (x.Label is { } l) Assert.Equal(l, world.Get<Label>(e));
        }
        foreach (var e in dead) Assert.False(world.IsAlive(e));

        Assert.Equal(model.Values.Count(x => x.Health is not null), world.CountEntities(new QueryDescription().WithAll<Health>()));
        Assert.Equal(
            model.Values.Count(x => x.Position is not null && x.Velocity is not null && x.Label is null),
            world.CountEntities(new QueryDescription().WithAll<Position, Velocity>().WithNone<Label>()));
        Assert.Equal(
            model.Values.Count(x => x.Health is not null || x.Label is not null),
            world.CountEntities(new QueryDescription().WithAny<Health, Label>()));

        var visited = new Dictionary<Entity, Position>();
        world.Query(new QueryDescription().WithAll<Position>(), (Entity e, ref Position p) => visited.Add(e, p));
        Assert.Equal(
            model.Where(kv => kv.Value.Position is not null).ToDictionary(kv => kv.Key, kv => kv.Value.Position!.Value),
            visited);

        EcsAssert.Consistent(world);
    }
}
