using System.Runtime.CompilerServices;

namespace NeuronSim.Ecs;

/// <summary>
/// A registered component type: a small dense id shared by all worlds, and its CLR type.
/// </summary>
/// <param name="Id">The dense id (0, 1, 2, ...) assigned on first use.</param>
/// <param name="Type">The component's CLR type.</param>
/// <param name="Size">The size of one value in bytes, as stored in a chunk.</param>
public readonly record struct ComponentType(int Id, Type Type, int Size)
{
    private static readonly Lock _gate = new();
    private static readonly List<ComponentType> _all = new();

    /// <summary>How many component types have been registered so far.</summary>
    public static int Count
    {
        get { lock (_gate) { return _all.Count; } }
    }

    /// <summary>The component type registered with <paramref name="id"/>.</summary>
    public static ComponentType FromId(int id)
    {
        lock (_gate) { return _all[id]; }
    }

    /// <summary>The component type of <typeparamref name="T"/>, registering it on first use.</summary>
    public static ComponentType Of<T>() => Component<T>.Type;

    internal static ComponentType Register(Type type, int size)
    {
        lock (_gate)
        {
            var registered = new ComponentType(_all.Count, type, size);
            _all.Add(registered);
            return registered;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Type.Name;
}

/// <summary>Static per-type cache of a component's <see cref="ComponentType"/>.</summary>
/// <typeparam name="T">The component type.</typeparam>
public static class Component<T>
{
    /// <summary>The registered type of <typeparamref name="T"/>.</summary>
    public static readonly ComponentType Type = ComponentType.Register(typeof(T), Unsafe.SizeOf<T>());

    /// <summary>The dense id of <typeparamref name="T"/>.</summary>
    public static int Id => Type.Id;
}
