namespace NeuronSim.Ecs;

/// <summary>
/// A handle to an entity in a <see cref="World"/>: an id and the version of that id.
/// When an entity is destroyed its id is recycled with a new version, so an old handle
/// is recognised as dead instead of silently aliasing the new entity.
/// </summary>
/// <param name="Id">The slot of the entity in its world.</param>
/// <param name="Version">The generation of the slot; starts at 1, so <c>default</c> is never alive.</param>
public readonly record struct Entity(int Id, int Version)
{
    /// <summary>The null entity: never alive in any world.</summary>
    public static Entity Null => default;

    /// <inheritdoc />
    public override string ToString() => $"Entity({Id}v{Version})";
}
