namespace NeuronSim.Ecs;

/// <summary>
/// Which entities a query visits: those with all of <see cref="All"/>, at least one of
/// <see cref="Any"/> (when not empty) and none of <see cref="None"/>. Immutable; compare by value.
/// </summary>
public sealed record QueryDescription
{
    /// <summary>Components every matched entity has.</summary>
    public Signature All { get; init; } = Signature.Empty;

    /// <summary>Matched entities have at least one of these (ignored when empty).</summary>
    public Signature Any { get; init; } = Signature.Empty;

    /// <summary>Components no matched entity has.</summary>
    public Signature None { get; init; } = Signature.Empty;

    /// <summary>Also require <typeparamref name="T0"/>.</summary>
    public QueryDescription WithAll<T0>() => this with { All = Union(All, Component<T0>.Id) };

    /// <summary>Also require <typeparamref name="T0"/> and <typeparamref name="T1"/>.</summary>
    public QueryDescription WithAll<T0, T1>() => WithAll<T0>().WithAll<T1>();

    /// <summary>Also require <typeparamref name="T0"/>, <typeparamref name="T1"/> and <typeparamref name="T2"/>.</summary>
    public QueryDescription WithAll<T0, T1, T2>() => WithAll<T0, T1>().WithAll<T2>();

    /// <summary>Also require four components.</summary>
    public QueryDescription WithAll<T0, T1, T2, T3>() => WithAll<T0, T1, T2>().WithAll<T3>();

    /// <summary>Match entities with <typeparamref name="T0"/> among the "any" set.</summary>
    public QueryDescription WithAny<T0>() => this with { Any = Union(Any, Component<T0>.Id) };

    /// <summary>Match entities with at least one of the two.</summary>
    public QueryDescription WithAny<T0, T1>() => WithAny<T0>().WithAny<T1>();

    /// <summary>Match entities with at least one of the three.</summary>
    public QueryDescription WithAny<T0, T1, T2>() => WithAny<T0, T1>().WithAny<T2>();

    /// <summary>Exclude entities with <typeparamref name="T0"/>.</summary>
    public QueryDescription WithNone<T0>() => this with { None = Union(None, Component<T0>.Id) };

    /// <summary>Exclude entities with either of the two.</summary>
    public QueryDescription WithNone<T0, T1>() => WithNone<T0>().WithNone<T1>();

    /// <summary>Exclude entities with any of the three.</summary>
    public QueryDescription WithNone<T0, T1, T2>() => WithNone<T0, T1>().WithNone<T2>();

    /// <summary>Whether an archetype with <paramref name="signature"/> is matched.</summary>
    public bool Matches(Signature signature) =>
        signature.ContainsAll(All)
        && (Any.Count == 0 || signature.ContainsAny(Any))
        && !signature.ContainsAny(None);

    private static Signature Union(Signature set, int id) => set.Contains(id) ? set : set.With(id);
}
