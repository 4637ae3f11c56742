namespace NeuronSim.Ecs.Tests;

// Components shared by the test classes. Value types are records so Assert.Equal compares them by value.

public record struct Position(int X, int Y);

public record struct Velocity(int Dx, int Dy);

public record struct Health(int Value);

public record struct Mass(int Value);

public record struct Charge(int Value);

/// <summary>A zero-field tag component.</summary>
public record struct Frozen;

/// <summary>A component never put on any entity: queries over it must match nothing.</summary>
public record struct NeverUsed(int Value);

/// <summary>A reference-type component.</summary>
public sealed record Label(string Text);
