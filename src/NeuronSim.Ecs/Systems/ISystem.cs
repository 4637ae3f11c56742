namespace NeuronSim.Ecs;

/// <summary>A system: logic that runs over a world once per update, in three phases.</summary>
/// <typeparam name="T">The per-update argument (for example the time step or tick number).</typeparam>
public interface ISystem<T> : IDisposable
{
    /// <summary>Called once before the first update.</summary>
    void Initialize();

    /// <summary>Runs before <see cref="Update"/> in every update.</summary>
    void BeforeUpdate(in T state);

    /// <summary>The system's work.</summary>
    void Update(in T state);

    /// <summary>Runs after <see cref="Update"/> in every update.</summary>
    void AfterUpdate(in T state);
}
