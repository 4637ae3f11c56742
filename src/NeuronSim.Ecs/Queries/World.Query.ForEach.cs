namespace NeuronSim.Ecs;

// The delegate forms run through the struct forms (World.Query.Inline.cs) with a small adapter,
// so each arity has one iteration loop. The overloads follow one pattern, as Arch generates its own.
public sealed partial class World
{
    /// <summary>Calls <paramref name="forEach"/> with 1 component(s) of every matched entity that has them.</summary>
    public void Query<T0>(in QueryDescription description, ForEach<T0> forEach)
    {
        var adapter = new ForEachAdapter<T0>(forEach);
        InlineQuery<ForEachAdapter<T0>, T0>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 1 component(s) of every matched entity.</summary>
    public void Query<T0>(in QueryDescription description, ForEachWithEntity<T0> forEach)
    {
        var adapter = new ForEachWithEntityAdapter<T0>(forEach);
        InlineEntityQuery<ForEachWithEntityAdapter<T0>, T0>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with 2 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1>(in QueryDescription description, ForEach<T0, T1> forEach)
    {
        var adapter = new ForEachAdapter<T0, T1>(forEach);
        InlineQuery<ForEachAdapter<T0, T1>, T0, T1>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 2 component(s) of every matched entity.</summary>
    public void Query<T0, T1>(in QueryDescription description, ForEachWithEntity<T0, T1> forEach)
    {
        var adapter = new ForEachWithEntityAdapter<T0, T1>(forEach);
        InlineEntityQuery<ForEachWithEntityAdapter<T0, T1>, T0, T1>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with 3 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEach<T0, T1, T2> forEach)
    {
        var adapter = new ForEachAdapter<T0, T1, T2>(forEach);
        InlineQuery<ForEachAdapter<T0, T1, T2>, T0, T1, T2>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 3 component(s) of every matched entity.</summary>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEachWithEntity<T0, T1, T2> forEach)
    {
        var adapter = new ForEachWithEntityAdapter<T0, T1, T2>(forEach);
        InlineEntityQuery<ForEachWithEntityAdapter<T0, T1, T2>, T0, T1, T2>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with 4 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEach<T0, T1, T2, T3> forEach)
    {
        var adapter = new ForEachAdapter<T0, T1, T2, T3>(forEach);
        InlineQuery<ForEachAdapter<T0, T1, T2, T3>, T0, T1, T2, T3>(in description, ref adapter);
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 4 component(s) of every matched entity.</summary>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEachWithEntity<T0, T1, T2, T3> forEach)
    {
        var adapter = new ForEachWithEntityAdapter<T0, T1, T2, T3>(forEach);
        InlineEntityQuery<ForEachWithEntityAdapter<T0, T1, T2, T3>, T0, T1, T2, T3>(in description, ref adapter);
    }
}

internal readonly struct ForEachAdapter<T0>(ForEach<T0> forEach) : IForEach<T0>
{
    public void Update(ref T0 c0) => forEach(ref c0);
}

internal readonly struct ForEachWithEntityAdapter<T0>(ForEachWithEntity<T0> forEach) : IForEachWithEntity<T0>
{
    public void Update(Entity entity, ref T0 c0) => forEach(entity, ref c0);
}

internal readonly struct ForEachAdapter<T0, T1>(ForEach<T0, T1> forEach) : IForEach<T0, T1>
{
    public void Update(ref T0 c0, ref T1 c1) => forEach(ref c0, ref c1);
}

internal readonly struct ForEachWithEntityAdapter<T0, T1>(ForEachWithEntity<T0, T1> forEach) : IForEachWithEntity<T0, T1>
{
    public void Update(Entity entity, ref T0 c0, ref T1 c1) => forEach(entity, ref c0, ref c1);
}

internal readonly struct ForEachAdapter<T0, T1, T2>(ForEach<T0, T1, T2> forEach) : IForEach<T0, T1, T2>
{
    public void Update(ref T0 c0, ref T1 c1, ref T2 c2) => forEach(ref c0, ref c1, ref c2);
}

internal readonly struct ForEachWithEntityAdapter<T0, T1, T2>(ForEachWithEntity<T0, T1, T2> forEach) : IForEachWithEntity<T0, T1, T2>
{
    public void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2) => forEach(entity, ref c0, ref c1, ref c2);
}

internal readonly struct ForEachAdapter<T0, T1, T2, T3>(ForEach<T0, T1, T2, T3> forEach) : IForEach<T0, T1, T2, T3>
{
    public void Update(ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3) => forEach(ref c0, ref c1, ref c2, ref c3);
}

internal readonly struct ForEachWithEntityAdapter<T0, T1, T2, T3>(ForEachWithEntity<T0, T1, T2, T3> forEach) : IForEachWithEntity<T0, T1, T2, T3>
{
    public void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3) => forEach(entity, ref c0, ref c1, ref c2, ref c3);
}
