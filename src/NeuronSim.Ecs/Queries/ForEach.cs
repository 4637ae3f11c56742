namespace NeuronSim.Ecs;

/// <summary>A query callback over 1 component(s), passed by reference.</summary>
public delegate void ForEach<T0>(ref T0 c0);

/// <summary>A query callback over the entity and 1 component(s), passed by reference.</summary>
public delegate void ForEachWithEntity<T0>(Entity entity, ref T0 c0);

/// <summary>A query callback over 2 component(s), passed by reference.</summary>
public delegate void ForEach<T0, T1>(ref T0 c0, ref T1 c1);

/// <summary>A query callback over the entity and 2 component(s), passed by reference.</summary>
public delegate void ForEachWithEntity<T0, T1>(Entity entity, ref T0 c0, ref T1 c1);

/// <summary>A query callback over 3 component(s), passed by reference.</summary>
public delegate void ForEach<T0, T1, T2>(ref T0 c0, ref T1 c1, ref T2 c2);

/// <summary>A query callback over the entity and 3 component(s), passed by reference.</summary>
public delegate void ForEachWithEntity<T0, T1, T2>(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2);

/// <summary>A query callback over 4 component(s), passed by reference.</summary>
public delegate void ForEach<T0, T1, T2, T3>(ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);

/// <summary>A query callback over the entity and 4 component(s), passed by reference.</summary>
public delegate void ForEachWithEntity<T0, T1, T2, T3>(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
