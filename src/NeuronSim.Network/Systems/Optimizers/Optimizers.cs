using System.Globalization;
using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>One row of the optimizer table.</summary>
/// <param name="Kind">The enum value in <see cref="OptimizerSettings"/>.</param>
/// <param name="Name">The name on the command line, in presets and checkpoints.</param>
/// <param name="CreateSystem">The system that applies the update rule.</param>
/// <param name="AddState">Adds the optimizer's state component to every weight and bias entity (none for plain SGD).</param>
/// <param name="ClearState">Zeroes that state component wherever it is.</param>
/// <param name="Settings">Which hyper-parameters this optimizer reads, with their values, for display.</param>
public sealed record OptimizerDefinition(
    OptimizerKind Kind, string Name, Func<World, BaseSystem<World, TrainingContext>> CreateSystem,
    Action<World> AddState, Action<World> ClearState, Func<OptimizerSettings, string> Settings);

/// <summary>The optimizer table: the only place an optimizer is defined.</summary>
public static class Optimizers
{
    /// <summary>Every optimizer, the lab's first.</summary>
    public static readonly IReadOnlyList<OptimizerDefinition> All =
    [
        new(OptimizerKind.Sgd, "sgd", world => new SgdSystem(world), _ => { }, _ => { }, _ => ""),
        new(OptimizerKind.Momentum, "momentum", world => new MomentumSystem(world, nesterov: false), AddToParameters<Velocity>, Clear<Velocity>,
            s => $"momentum {Text(s.Momentum)}"),
        new(OptimizerKind.Nesterov, "nesterov", world => new MomentumSystem(world, nesterov: true), AddToParameters<Velocity>, Clear<Velocity>,
            s => $"momentum {Text(s.Momentum)}"),
        new(OptimizerKind.RmsProp, "rmsprop", world => new RmsPropSystem(world), AddToParameters<SquareAverage>, Clear<SquareAverage>,
            s => $"alpha {Text(s.Alpha)}, eps {Text(s.Eps)}"),
        new(OptimizerKind.Adam, "adam", world => new AdamSystem(world), AddToParameters<AdamMoments>, Clear<AdamMoments>,
            s => $"beta1 {Text(s.Beta1)}, beta2 {Text(s.Beta2)}, eps {Text(s.Eps)}"),
    ];

    /// <summary>The accepted names, for error messages.</summary>
    public static string Expected => string.Join(", ", All.SkipLast(1).Select(o => o.Name)) + " or " + All[^1].Name;

    /// <summary>The row of <paramref name="kind"/>.</summary>
    public static OptimizerDefinition Of(OptimizerKind kind) => All.First(o => o.Kind == kind);

    /// <summary>Parses an optimizer name, or throws <see cref="ArgumentException"/> naming <paramref name="option"/> and the accepted names.</summary>
    public static OptimizerKind Parse(string text, string option) =>
        All.FirstOrDefault(o => o.Name == text.Trim().ToLowerInvariant())?.Kind
        ?? throw new ArgumentException($"{option}: unknown optimizer '{text.Trim()}' (expected {Expected})");

    /// <summary>"adam (beta1 0.9, beta2 0.999, eps 1e-08)", or "sgd".</summary>
    public static string Describe(OptimizerSettings settings)
    {
        var row = Of(settings.Kind);
        var details = row.Settings(settings);
        return details.Length == 0 ? row.Name : $"{row.Name} ({details})";
    }

    private static string Text(double value) => Formatting.Numbers.Compact(value);

    /// <summary>Zeroes every optimizer's state on every entity that holds it (each row's <see cref="OptimizerDefinition.ClearState"/>): a new optimizer starts fresh.</summary>
    public static void ClearState(World world)
    {
        foreach (var optimizer in All) optimizer.ClearState(world);
    }

    /// <summary>Zeroes every <typeparamref name="T"/> component.</summary>
    private static void Clear<T>(World world) where T : struct
    {
        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<T>())) chunk.GetSpan<T>().Clear();
    }

    /// <summary>Adds a zeroed <typeparamref name="T"/> to every weight and bias entity that lacks one (moving them to new archetypes).</summary>
    private static void AddToParameters<T>(World world) where T : struct
    {
        var commands = new CommandBuffer();
        foreach (var query in new[] { new QueryDescription().WithAll<Weight>().WithNone<T>(), new QueryDescription().WithAll<Bias>().WithNone<T>() })
        {
            foreach (var chunk in world.GetChunks(in query))
            {
                foreach (var entity in chunk.EntitySpan) commands.Add<T>(entity);
            }
        }
        commands.Playback(world);
    }
}
