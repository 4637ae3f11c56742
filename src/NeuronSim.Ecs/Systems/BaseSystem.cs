namespace NeuronSim.Ecs;

/// <summary>A system bound to one world; override the phases it needs.</summary>
/// <typeparam name="TWorld">The world type.</typeparam>
/// <typeparam name="T">The per-update argument.</typeparam>
public abstract class BaseSystem<TWorld, T>(TWorld world) : ISystem<T>
{
    /// <summary>The world the system runs on.</summary>
    public TWorld World { get; } = world;

    /// <inheritdoc />
    public virtual void Initialize()
    {
    }

    /// <inheritdoc />
    public virtual void BeforeUpdate(in T state)
    {
    }

    /// <inheritdoc />
    public virtual void Update(in T state)
    {
    }

    /// <inheritdoc />
    public virtual void AfterUpdate(in T state)
    {
    }

    /// <inheritdoc />
    public virtual void Dispose() => GC.SuppressFinalize(this);
}
