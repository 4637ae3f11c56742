namespace NeuronSim.Ecs.Tests;

public class SystemTests
{
    /// <summary>Writes every call it receives to a shared log.</summary>
    private sealed class LoggingSystem(World world, string name, List<string> log) : BaseSystem<World, int>(world)
    {
        public override void Initialize() => log.Add($"{name}.Initialize");
        public override void BeforeUpdate(in int state) => log.Add($"{name}.BeforeUpdate({state})");
        public override void Update(in int state) => log.Add($"{name}.Update({state})");
        public override void AfterUpdate(in int state) => log.Add($"{name}.AfterUpdate({state})");

        public override void Dispose()
        {
            log.Add($"{name}.Dispose");
            base.Dispose();
        }
    }

    /// <summary>An <see cref="ISystem{T}"/> written without <see cref="BaseSystem{TWorld, T}"/>.</summary>
    private sealed class PlainSystem(string name, List<string> log) : ISystem<int>
    {
        public void Initialize() => log.Add($"{name}.Initialize");
        public void BeforeUpdate(in int state) => log.Add($"{name}.BeforeUpdate({state})");
        public void Update(in int state) => log.Add($"{name}.Update({state})");
        public void AfterUpdate(in int state) => log.Add($"{name}.AfterUpdate({state})");
        public void Dispose() => log.Add($"{name}.Dispose");
    }

    /// <summary>A system that only overrides Update: the other phases must be harmless no-ops.</summary>
    private sealed class UpdateOnlySystem(World world) : BaseSystem<World, int>(world)
    {
        public int Updates { get; private set; }
        public override void Update(in int state) => Updates++;
    }

    [Fact]
    public void Tick_RunsEveryBeforeUpdateThenEveryUpdateThenEveryAfterUpdate()
    {
        using var world = World.Create();
        var log = new List<string>();
        var group = new SystemGroup<int>("main",
            new LoggingSystem(world, "a", log), new PlainSystem("b", log), new LoggingSystem(world, "c", log));

        group.Tick(7);

        Assert.Equal(
        [
            "a.BeforeUpdate(7)", "b.BeforeUpdate(7)", "c.BeforeUpdate(7)",
            "a.Update(7)", "b.Update(7)", "c.Update(7)",
            "a.AfterUpdate(7)", "b.AfterUpdate(7)", "c.AfterUpdate(7)",
        ], log);
    }

    [Fact]
    public void CallingThePhasesOneByOne_RunsEachPhaseForAllSystemsInOrder()
    {
        using var world = World.Create();
        var log = new List<string>();
        var group = new SystemGroup<int>("main", new LoggingSystem(world, "a", log), new LoggingSystem(world, "b", log));

        group.BeforeUpdate(1);
        Assert.Equal(["a.BeforeUpdate(1)", "b.BeforeUpdate(1)"], log);
        log.Clear();
        group.Update(2);
        Assert.Equal(["a.Update(2)", "b.Update(2)"], log);
        log.Clear();
        group.AfterUpdate(3);
        Assert.Equal(["a.AfterUpdate(3)", "b.AfterUpdate(3)"], log);
    }

    [Fact]
    public void InitializeAndDispose_ReachEverySystemInOrder()
    {
        using var world = World.Create();
        var log = new List<string>();
        var group = new SystemGroup<int>("main", new LoggingSystem(world, "a", log), new PlainSystem("b", log))
            .Add(new LoggingSystem(world, "c", log));

        group.Initialize();
        Assert.Equal(["a.Initialize", "b.Initialize", "c.Initialize"], log);
        log.Clear();

        group.Dispose();
        Assert.Equal(["a.Dispose", "b.Dispose", "c.Dispose"], log);
    }

    [Fact]
    public void Add_AppendsToTheRunOrderAndReturnsTheGroup()
    {
        using var world = World.Create();
        var log = new List<string>();
        var a = new LoggingSystem(world, "a", log);
        var b = new LoggingSystem(world, "b", log);
        var c = new PlainSystem("c", log);
        var group = new SystemGroup<int>("physics", a);

        var returned = group.Add(b, c);

        Assert.Same(group, returned);
        Assert.Equal("physics", group.Name);
        Assert.Equal<ISystem<int>>([a, b, c], group.Systems);
        group.Update(0);
        Assert.Equal(["a.Update(0)", "b.Update(0)", "c.Update(0)"], log);
    }

    [Fact]
    public void NestedGroups_RunTheirChildrenWithinEachPhase()
    {
        using var world = World.Create();
        var log = new List<string>();
        var inner = new SystemGroup<int>("inner", new LoggingSystem(world, "i1", log), new LoggingSystem(world, "i2", log));
        var outer = new SystemGroup<int>("outer", new LoggingSystem(world, "o1", log), inner, new PlainSystem("o2", log));

        outer.Initialize();
        outer.Tick(5);
        outer.Dispose();

        Assert.Equal(
        [
            "o1.Initialize", "i1.Initialize", "i2.Initialize", "o2.Initialize",
            "o1.BeforeUpdate(5)", "i1.BeforeUpdate(5)", "i2.BeforeUpdate(5)", "o2.BeforeUpdate(5)",
            "o1.Update(5)", "i1.Update(5)", "i2.Update(5)", "o2.Update(5)",
            "o1.AfterUpdate(5)", "i1.AfterUpdate(5)", "i2.AfterUpdate(5)", "o2.AfterUpdate(5)",
            "o1.Dispose", "i1.Dispose", "i2.Dispose", "o2.Dispose",
        ], log);
    }

    [Fact]
    public void EmptyGroup_DoesNothing()
    {
        var group = new SystemGroup<int>("empty");
        group.Initialize();
        group.Tick(1);
        group.Dispose();
        Assert.Empty(group.Systems);
    }

    [Fact]
    public void BaseSystem_DefaultPhasesAreNoOps()
    {
        using var world = World.Create();
        var system = new UpdateOnlySystem(world);

        system.Initialize();
        var group = new SystemGroup<int>("g", system);
        group.Tick(1);
        group.Tick(2);
        system.Dispose();

        Assert.Same(world, system.World);
        Assert.Equal(2, system.Updates);
    }

    // ---- systems doing real work on a world ----------------------------------------------------

    private sealed class MovementSystem(World world) : BaseSystem<World, int>(world)
    {
        private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>().WithNone<Frozen>();

        public override void Update(in int steps)
        {
            var n = steps;
            World.Query(in Moving, (ref Position p, ref Velocity v) =>
            {
                p.X += v.Dx * n;
                p.Y += v.Dy * n;
            });
        }
    }

    private sealed class DamageSystem(World world) : BaseSystem<World, int>(world)
    {
        private static readonly QueryDescription Living = new QueryDescription().WithAll<Health>();

        public override void Update(in int damage)
        {
            var d = damage;
            World.Query(in Living, (ref Health h) => h.Value -= d);
        }
    }

    /// <summary>Records the deaths during Update and plays them back in AfterUpdate, outside any query.</summary>
    private sealed class DeathSystem(World world) : BaseSystem<World, int>(world)
    {
        private static readonly QueryDescription Living = new QueryDescription().WithAll<Health>();
        private readonly CommandBuffer _buffer = new();

        public List<Entity> Died { get; } = new();

        public override void Update(in int state)
        {
            World.Query(in Living, (Entity e, ref Health h) =>
            {
                if (h.Value <= 0)
                {
                    _buffer.Destroy(e);
                    Died.Add(e);
                }
            });
        }

        public override void AfterUpdate(in int state) => _buffer.Playback(World);
    }

    [Fact]
    public void SystemsInAGroup_UpdateTheWorld()
    {
        using var world = World.Create();
        var movers = Enumerable.Range(0, 10).Select(i => world.Create(new Position(i, 0), new Velocity(1, i), new Health(i + 1))).ToList();
        var frozen = world.Create(new Position(100, 100), new Velocity(5, 5), new Frozen());
        var death = new DeathSystem(world);
        var group = new SystemGroup<int>("sim", new MovementSystem(world), new DamageSystem(world), death);
        group.Initialize();

        for (var tick = 1; tick <= 3; tick++)
        {
            group.Tick(1);

            // Damage 1 per tick: the entity with initial health h dies in tick h.
            for (var i = 0; i < movers.Count; i++)
            {
                Assert.Equal(i + 1 > tick, world.IsAlive(movers[i]));
                if (!world.IsAlive(movers[i])) continue;
                Assert.Equal(new Position(i + tick, i * tick), world.Get<Position>(movers[i]));
                Assert.Equal(new Health(i + 1 - tick), world.Get<Health>(movers[i]));
            }
        }

        Assert.Equal(movers.Take(3), death.Died);
        Assert.Equal(new Position(100, 100), world.Get<Position>(frozen));
        Assert.Equal(8, world.Size);
        group.Dispose();
    }
}
