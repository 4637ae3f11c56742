using BenchmarkDotNet.Attributes;
using NeuronSim.Ecs;

namespace NeuronSim.Benchmarks;

/// <summary>The ECS's query forms over 100,000 entities: x += v for each.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();
    private World _world = null!;

    /// <summary>Creates the entities.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _world = World.Create();
        for (var i = 0; i < 100_000; i++) _world.Create(new Position { X = i }, new Velocity { X = 1 });
    }

    /// <summary>The lambda form (ref components).</summary>
    [Benchmark(Baseline = true)]
    public void Delegate() => _world.Query(in Moving, (ref Position p, ref Velocity v) => p.X += v.X);

    /// <summary>The allocation-free struct form.</summary>
    [Benchmark]
    public void Struct()
    {
        var move = new Move();
        _world.InlineQuery<Move, Position, Velocity>(in Moving, ref move);
    }

    /// <summary>Chunk by chunk over spans.</summary>
    [Benchmark]
    public void Chunks()
    {
        foreach (var chunk in _world.GetChunks(in Moving))
        {
            var positions = chunk.GetSpan<Position>();
            var velocities = chunk.GetSpan<Velocity>();
            for (var i = 0; i < positions.Length; i++) positions[i].X += velocities[i].X;
        }
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    /// <summary>A position.</summary>
    public struct Position
    {
        /// <summary>The coordinate.</summary>
        public double X;
    }

    /// <summary>A velocity.</summary>
    public struct Velocity
    {
        /// <summary>The speed.</summary>
        public double X;
    }

    private struct Move : IForEach<Position, Velocity>
    {
        public readonly void Update(ref Position p, ref Velocity v) => p.X += v.X;
    }
}
