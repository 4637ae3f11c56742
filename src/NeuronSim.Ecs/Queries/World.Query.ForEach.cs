namespace NeuronSim.Ecs;

// The arity overloads below follow one pattern (Arch generates its own the same way).
public sealed partial class World
{
    /// <summary>Calls <paramref name="forEach"/> with 1 component(s) of every matched entity that has them.</summary>
    public void Query<T0>(in QueryDescription description, ForEach<T0> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    for (var row = 0; row < chunk.Count; row++) forEach(ref a0[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 1 component(s) of every matched entity.</summary>
    public void Query<T0>(in QueryDescription description, ForEachWithEntity<T0> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    for (var row = 0; row < chunk.Count; row++) forEach(chunk.Entities[row], ref a0[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with 2 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1>(in QueryDescription description, ForEach<T0, T1> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    for (var row = 0; row < chunk.Count; row++) forEach(ref a0[row], ref a1[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 2 component(s) of every matched entity.</summary>
    public void Query<T0, T1>(in QueryDescription description, ForEachWithEntity<T0, T1> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    for (var row = 0; row < chunk.Count; row++) forEach(chunk.Entities[row], ref a0[row], ref a1[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with 3 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEach<T0, T1, T2> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1) && TryColumn<T2>(archetype, out var k2))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    var a2 = chunk.ColumnAt<T2>(k2);
                    for (var row = 0; row < chunk.Count; row++) forEach(ref a0[row], ref a1[row], ref a2[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 3 component(s) of every matched entity.</summary>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEachWithEntity<T0, T1, T2> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1) && TryColumn<T2>(archetype, out var k2))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    var a2 = chunk.ColumnAt<T2>(k2);
                    for (var row = 0; row < chunk.Count; row++) forEach(chunk.Entities[row], ref a0[row], ref a1[row], ref a2[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with 4 component(s) of every matched entity that has them.</summary>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEach<T0, T1, T2, T3> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1) && TryColumn<T2>(archetype, out var k2) && TryColumn<T3>(archetype, out var k3))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    var a2 = chunk.ColumnAt<T2>(k2);
                    var a3 = chunk.ColumnAt<T3>(k3);
                    for (var row = 0; row < chunk.Count; row++) forEach(ref a0[row], ref a1[row], ref a2[row], ref a3[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>Calls <paramref name="forEach"/> with the entity and 4 component(s) of every matched entity.</summary>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEachWithEntity<T0, T1, T2, T3> forEach)
    {
        _iterating++;
        try
        {
            foreach (var archetype in Matching(description))
            {
                if (!(TryColumn<T0>(archetype, out var k0) && TryColumn<T1>(archetype, out var k1) && TryColumn<T2>(archetype, out var k2) && TryColumn<T3>(archetype, out var k3))) continue;
                foreach (var chunk in archetype.Chunks)
                {
                    var a0 = chunk.ColumnAt<T0>(k0);
                    var a1 = chunk.ColumnAt<T1>(k1);
                    var a2 = chunk.ColumnAt<T2>(k2);
                    var a3 = chunk.ColumnAt<T3>(k3);
                    for (var row = 0; row < chunk.Count; row++) forEach(chunk.Entities[row], ref a0[row], ref a1[row], ref a2[row], ref a3[row]);
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }
}
