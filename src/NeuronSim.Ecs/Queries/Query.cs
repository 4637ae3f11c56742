namespace NeuronSim.Ecs;

/// <summary>A query's cached list of matching archetypes, refreshed as new archetypes appear.</summary>
internal sealed class Query(QueryDescription description)
{
    private int _archetypesSeen;

    public QueryDescription Description { get; } = description;

    public List<Archetype> Matches { get; } = new();

    public List<Archetype> Refresh(IReadOnlyList<Archetype> archetypes)
    {
        for (; _archetypesSeen < archetypes.Count; _archetypesSeen++)
        {
            if (Description.Matches(archetypes[_archetypesSeen].Signature)) Matches.Add(archetypes[_archetypesSeen]);
        }
        return Matches;
    }
}
