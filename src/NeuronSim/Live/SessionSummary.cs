using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>
/// The line printed when a live session or a snapshot ends: the epoch and how the network as it is
/// now does (<see cref="TrainingSimulation.Evaluate"/>: at epoch 0 the untrained network's loss and
/// accuracy), the same numbers the HUD shows.
/// </summary>
public static class SessionSummary
{
    /// <summary>"<paramref name="prefix"/>epoch N: loss L, accuracy A%" plus convergence, or that the outputs are not finite.</summary>
    public static string Line(string prefix, TrainingSimulation simulation, int? convergedAt)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var (loss, accuracy) = simulation.Evaluate();
        var outputs = simulation.PredictTraining();
        var notFinite = outputs.Count(o => Classification.Predicted(o) is null);
        return $"{prefix}epoch {simulation.Epoch}: loss {Numbers.Compact(loss)}, accuracy {Numbers.Percent(accuracy)}"
            + (notFinite > 0 ? $" ({notFinite} of {outputs.Length} outputs not finite: no prediction)" : "")
            + (convergedAt is int at ? $", converged at epoch {at}" : "");
    }
}
