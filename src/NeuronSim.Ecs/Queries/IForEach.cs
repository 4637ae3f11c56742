namespace NeuronSim.Ecs;

/// <summary>An allocation-free query callback over 1 component(s): implement it on a struct.</summary>
public interface IForEach<T0>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(ref T0 c0);
}

/// <summary>An allocation-free query callback over the entity and 1 component(s).</summary>
public interface IForEachWithEntity<T0>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(Entity entity, ref T0 c0);
}

/// <summary>An allocation-free query callback over 2 component(s): implement it on a struct.</summary>
public interface IForEach<T0, T1>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(ref T0 c0, ref T1 c1);
}

/// <summary>An allocation-free query callback over the entity and 2 component(s).</summary>
public interface IForEachWithEntity<T0, T1>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1);
}

/// <summary>An allocation-free query callback over 3 component(s): implement it on a struct.</summary>
public interface IForEach<T0, T1, T2>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(ref T0 c0, ref T1 c1, ref T2 c2);
}

/// <summary>An allocation-free query callback over the entity and 3 component(s).</summary>
public interface IForEachWithEntity<T0, T1, T2>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2);
}

/// <summary>An allocation-free query callback over 4 component(s): implement it on a struct.</summary>
public interface IForEach<T0, T1, T2, T3>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
}

/// <summary>An allocation-free query callback over the entity and 4 component(s).</summary>
public interface IForEachWithEntity<T0, T1, T2, T3>
{
    /// <summary>Called once per matched entity.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
}
