using NeuronSim.Ecs;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Adds the batch's loss and hits to the epoch's totals; after the epoch's last batch, counts the
/// epoch and records its loss (mean over its points) and accuracy.
/// </summary>
public sealed class MetricsSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var (loss, correct, points) = context.EpochTotals;
        context.EpochTotals = (loss + context.BatchLoss * context.Samples, correct + context.BatchCorrect, points + context.Samples);
        if (!context.Schedule.EndsEpoch) return;
        (loss, correct, points) = context.EpochTotals;
        context.EpochTotals = default;
        context.Epoch++;
        // One batch per epoch (full batch): the batch's own mean, not sum-then-divide, so the record is exact.
        context.Loss = points == context.Samples ? context.BatchLoss : loss / points;
        context.Accuracy = (double)correct / points;
        context.LossHistory.Add(context.Loss);
        context.AccuracyHistory.Add(context.Accuracy);
    }
}
