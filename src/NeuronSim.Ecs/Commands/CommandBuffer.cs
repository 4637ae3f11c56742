namespace NeuronSim.Ecs;

/// <summary>
/// Records structural changes (create, destroy, add, remove, set) while a query runs, and
/// applies them in order on <see cref="Playback"/>. Recording never touches the world.
/// </summary>
public sealed class CommandBuffer
{
    private readonly List<Action<World>> _commands = new();

    /// <summary>How many commands are waiting.</summary>
    public int Count => _commands.Count;

    /// <summary>Records the creation of an entity; <paramref name="created"/> receives it on playback.</summary>
    public void Create(Action<World, Entity>? created = null) => _commands.Add(world =>
    {
        var entity = world.Create();
        created?.Invoke(world, entity);
    });

    /// <summary>Records the creation of an entity with one component.</summary>
    public void Create<T0>(T0 c0) => _commands.Add(world => world.Create(in c0));

    /// <summary>Records the creation of an entity with two components.</summary>
    public void Create<T0, T1>(T0 c0, T1 c1) => _commands.Add(world => world.Create(in c0, in c1));

    /// <summary>Records the destruction of <paramref name="entity"/>.</summary>
    public void Destroy(Entity entity) => _commands.Add(world => world.Destroy(entity));

    /// <summary>Records adding <paramref name="value"/> as component <typeparamref name="T"/>.</summary>
    public void Add<T>(Entity entity, T value = default!) => _commands.Add(world => world.Add(entity, in value));

    /// <summary>Records removing component <typeparamref name="T"/>.</summary>
    public void Remove<T>(Entity entity) => _commands.Add(world => world.Remove<T>(entity));

    /// <summary>Records overwriting component <typeparamref name="T"/>.</summary>
    public void Set<T>(Entity entity, T value) => _commands.Add(world => world.Set(entity, in value));

    /// <summary>
    /// Applies every recorded command to <paramref name="world"/> in order, then clears the buffer.
    /// Commands recorded while playing back (for example from a <see cref="Create(Action{World, Entity})"/>
    /// callback) run in the same playback. If a command throws, the buffer is still cleared.
    /// </summary>
    public void Playback(World world)
    {
        try
        {
            // By index: a command may record more commands into this buffer.
            for (var i = 0; i < _commands.Count; i++) _commands[i](world);
        }
        finally
        {
            _commands.Clear();
        }
    }
}
