namespace NeuronSim.Ecs;

// The arity overloads below follow one pattern (Arch generates its own the same way).
public sealed partial class World
{
    private static ArgumentException DuplicateComponentType() =>
        new("An entity cannot have the same component type twice.");

    /// <summary>Creates an entity with 1 component(s).</summary>
    public Entity Create<T0>(in T0 c0)
    {
        EnsureNotIterating(nameof(Create));
        var archetype = GetOrCreateArchetype(SignatureOf<T0>());
        var (entity, chunk, row) = CreateIn(archetype);
        chunk.ColumnAt<T0>(archetype.ColumnOf(Component<T0>.Id))[row] = c0;
        return entity;
    }

    /// <summary>The signature of the component set (T0); cached per type list.</summary>
    private static Signature SignatureOf<T0>() => SignatureCache<T0>.Value ?? throw DuplicateComponentType();

    /// <summary>Creates an entity with 2 component(s).</summary>
    /// <exception cref="ArgumentException">The same component type is given twice.</exception>
    public Entity Create<T0, T1>(in T0 c0, in T1 c1)
    {
        EnsureNotIterating(nameof(Create));
        var archetype = GetOrCreateArchetype(SignatureOf<T0, T1>());
        var (entity, chunk, row) = CreateIn(archetype);
        chunk.ColumnAt<T0>(archetype.ColumnOf(Component<T0>.Id))[row] = c0;
        chunk.ColumnAt<T1>(archetype.ColumnOf(Component<T1>.Id))[row] = c1;
        return entity;
    }

    /// <summary>The signature of the component set (T0, T1); cached per type list.</summary>
    private static Signature SignatureOf<T0, T1>() => SignatureCache<T0, T1>.Value ?? throw DuplicateComponentType();

    /// <summary>Creates an entity with 3 component(s).</summary>
    /// <exception cref="ArgumentException">The same component type is given twice.</exception>
    public Entity Create<T0, T1, T2>(in T0 c0, in T1 c1, in T2 c2)
    {
        EnsureNotIterating(nameof(Create));
        var archetype = GetOrCreateArchetype(SignatureOf<T0, T1, T2>());
        var (entity, chunk, row) = CreateIn(archetype);
        chunk.ColumnAt<T0>(archetype.ColumnOf(Component<T0>.Id))[row] = c0;
        chunk.ColumnAt<T1>(archetype.ColumnOf(Component<T1>.Id))[row] = c1;
        chunk.ColumnAt<T2>(archetype.ColumnOf(Component<T2>.Id))[row] = c2;
        return entity;
    }

    /// <summary>The signature of the component set (T0, T1, T2); cached per type list.</summary>
    private static Signature SignatureOf<T0, T1, T2>() => SignatureCache<T0, T1, T2>.Value ?? throw DuplicateComponentType();

    /// <summary>Creates an entity with 4 component(s).</summary>
    /// <exception cref="ArgumentException">The same component type is given twice.</exception>
    public Entity Create<T0, T1, T2, T3>(in T0 c0, in T1 c1, in T2 c2, in T3 c3)
    {
        EnsureNotIterating(nameof(Create));
        var archetype = GetOrCreateArchetype(SignatureOf<T0, T1, T2, T3>());
        var (entity, chunk, row) = CreateIn(archetype);
        chunk.ColumnAt<T0>(archetype.ColumnOf(Component<T0>.Id))[row] = c0;
        chunk.ColumnAt<T1>(archetype.ColumnOf(Component<T1>.Id))[row] = c1;
        chunk.ColumnAt<T2>(archetype.ColumnOf(Component<T2>.Id))[row] = c2;
        chunk.ColumnAt<T3>(archetype.ColumnOf(Component<T3>.Id))[row] = c3;
        return entity;
    }

    /// <summary>The signature of the component set (T0, T1, T2, T3); cached per type list.</summary>
    private static Signature SignatureOf<T0, T1, T2, T3>() => SignatureCache<T0, T1, T2, T3>.Value ?? throw DuplicateComponentType();

    /// <summary>Creates an entity with 5 component(s).</summary>
    /// <exception cref="ArgumentException">The same component type is given twice.</exception>
    public Entity Create<T0, T1, T2, T3, T4>(in T0 c0, in T1 c1, in T2 c2, in T3 c3, in T4 c4)
    {
        EnsureNotIterating(nameof(Create));
        var archetype = GetOrCreateArchetype(SignatureOf<T0, T1, T2, T3, T4>());
        var (entity, chunk, row) = CreateIn(archetype);
        chunk.ColumnAt<T0>(archetype.ColumnOf(Component<T0>.Id))[row] = c0;
        chunk.ColumnAt<T1>(archetype.ColumnOf(Component<T1>.Id))[row] = c1;
        chunk.ColumnAt<T2>(archetype.ColumnOf(Component<T2>.Id))[row] = c2;
        chunk.ColumnAt<T3>(archetype.ColumnOf(Component<T3>.Id))[row] = c3;
        chunk.ColumnAt<T4>(archetype.ColumnOf(Component<T4>.Id))[row] = c4;
        return entity;
    }

    /// <summary>The signature of the component set (T0, T1, T2, T3, T4); cached per type list.</summary>
    private static Signature SignatureOf<T0, T1, T2, T3, T4>() => SignatureCache<T0, T1, T2, T3, T4>.Value ?? throw DuplicateComponentType();
}

/// <summary>Helpers for the cached signatures of component type lists.</summary>
internal static class SignatureCache
{
    /// <summary>
    /// The signature of <paramref name="ids"/>, or null when an id repeats. (A type initializer must not
    /// throw: the caller would get a TypeInitializationException, for that type list forever.)
    /// </summary>
    public static Signature? DistinctOrNull(int[] ids)
    {
        var signature = new Signature(ids);
        return signature.Count == ids.Length ? signature : null;
    }
}

/// <summary>The cached signature of a component type list (null when a type repeats).</summary>
internal static class SignatureCache<T0>
{
    public static readonly Signature? Value = SignatureCache.DistinctOrNull(new[] { Component<T0>.Id });
}

/// <summary>The cached signature of a component type list (null when a type repeats).</summary>
internal static class SignatureCache<T0, T1>
{
    public static readonly Signature? Value = SignatureCache.DistinctOrNull(new[] { Component<T0>.Id, Component<T1>.Id });
}

/// <summary>The cached signature of a component type list (null when a type repeats).</summary>
internal static class SignatureCache<T0, T1, T2>
{
    public static readonly Signature? Value = SignatureCache.DistinctOrNull(new[] { Component<T0>.Id, Component<T1>.Id, Component<T2>.Id });
}

/// <summary>The cached signature of a component type list (null when a type repeats).</summary>
internal static class SignatureCache<T0, T1, T2, T3>
{
    public static readonly Signature? Value = SignatureCache.DistinctOrNull(new[] { Component<T0>.Id, Component<T1>.Id, Component<T2>.Id, Component<T3>.Id });
}

/// <summary>The cached signature of a component type list (null when a type repeats).</summary>
internal static class SignatureCache<T0, T1, T2, T3, T4>
{
    public static readonly Signature? Value = SignatureCache.DistinctOrNull(new[] { Component<T0>.Id, Component<T1>.Id, Component<T2>.Id, Component<T3>.Id, Component<T4>.Id });
}
