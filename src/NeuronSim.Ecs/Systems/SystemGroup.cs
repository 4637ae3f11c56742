namespace NeuronSim.Ecs;

/// <summary>
/// Runs systems in the order they were added. Each phase method runs that phase for all systems;
/// <see cref="Tick"/> runs a full update: every BeforeUpdate, then every Update, then every AfterUpdate.
/// </summary>
/// <typeparam name="T">The per-update argument.</typeparam>
public sealed class SystemGroup<T>(string name, params ISystem<T>[] systems) : ISystem<T>
{
    private readonly List<ISystem<T>> _systems = new(systems);

    /// <summary>The group's name, for diagnostics.</summary>
    public string Name { get; } = name;

    /// <summary>The systems, in run order.</summary>
    public IReadOnlyList<ISystem<T>> Systems => _systems;

    /// <summary>Appends systems to the run order.</summary>
    public SystemGroup<T> Add(params ISystem<T>[] systems)
    {
        _systems.AddRange(systems);
        return this;
    }

    /// <inheritdoc />
    public void Initialize()
    {
        foreach (var system in _systems) system.Initialize();
    }

    /// <inheritdoc />
    public void BeforeUpdate(in T state)
    {
        foreach (var system in _systems) system.BeforeUpdate(in state);
    }

    /// <inheritdoc />
    public void Update(in T state)
    {
        foreach (var system in _systems) system.Update(in state);
    }

    /// <inheritdoc />
    public void AfterUpdate(in T state)
    {
        foreach (var system in _systems) system.AfterUpdate(in state);
    }

    /// <summary>Runs one full update: BeforeUpdate, Update and AfterUpdate of every system.</summary>
    public void Tick(in T state)
    {
        BeforeUpdate(in state);
        Update(in state);
        AfterUpdate(in state);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var system in _systems) system.Dispose();
    }
}
