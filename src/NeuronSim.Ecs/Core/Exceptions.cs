namespace NeuronSim.Ecs;

/// <summary>Thrown when a destroyed (or never created) entity is used.</summary>
public sealed class DeadEntityException(Entity entity, string operation)
    : InvalidOperationException($"{operation}: {entity} is not alive in this world (destroyed, or from another world).")
{
    /// <summary>The entity that was used.</summary>
    public Entity Entity { get; } = entity;
}

/// <summary>Thrown when a component is asked for on an entity or archetype that does not have it.</summary>
public sealed class MissingComponentException : InvalidOperationException
{
    /// <summary>Creates the exception for an entity.</summary>
    public MissingComponentException(Entity entity, Type component, Signature has)
        : base($"{entity} has no component {component.Name}; it has {has}.")
    {
        Component = component;
    }

    /// <summary>Creates the exception for an archetype.</summary>
    public MissingComponentException(Type component, Signature has)
        : base($"Archetype {has} has no component {component.Name}.")
    {
        Component = component;
    }

    /// <summary>The component type that was asked for.</summary>
    public Type Component { get; }
}
