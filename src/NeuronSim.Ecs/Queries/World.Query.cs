using System.Runtime.CompilerServices;

namespace NeuronSim.Ecs;

// The arity overloads below follow one pattern (Arch generates its own the same way).
public sealed partial class World
{
    private readonly Dictionary<QueryDescription, Query> _queries = new();

    /// <summary>The non-empty chunks of every archetype matched by <paramref name="description"/>.</summary>
    public ChunkEnumerable GetChunks(in QueryDescription description) => new(this, Matching(description));

    /// <summary>How many entities <paramref name="description"/> matches.</summary>
    public int CountEntities(in QueryDescription description)
    {
        var count = 0;
        foreach (var archetype in Matching(description)) count += archetype.EntityCount;
        return count;
    }

    internal void BeginIteration() => _iterating++;

    internal void EndIteration() => _iterating--;

    private List<Archetype> Matching(QueryDescription description)
    {
        if (!_queries.TryGetValue(description, out var query))
        {
            query = new Query(description);
            _queries.Add(description, query);
        }
        return query.Refresh(_archetypeList);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryColumn<T>(Archetype archetype, out int column)
    {
        column = archetype.ColumnOf(Component<T>.Id);
        return column >= 0;
    }
}
