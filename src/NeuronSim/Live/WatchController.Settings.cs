using NeuronSim.Network.Formatting;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>
/// The live training settings beyond the learning rate: the mini-batch size (Z, Shift+Z), the
/// regularization (J) and its rate (; and '). A new batch size or regularization rebuilds the run
/// with the same weights, as O does (the schedule and the regularization system are built from the
/// options); the rate of a regularization that is on changes in place, as [ and ] do.
/// </summary>
public sealed partial class WatchController
{
    /// <summary>The batch sizes Z steps down through (0: the full batch); sizes not below the training set's are skipped.</summary>
    public static readonly int[] BatchSizes = [0, 128, 64, 32, 16, 8, 4, 2, 1];

    /// <summary>The regularization rate J starts from when the run has none.</summary>
    public const double DefaultRegularizationRate = 0.001;

    private double? _regularizationRate;

    /// <summary>The run's regularization.</summary>
    public RegularizationKind Regularization => Simulation.Options switch
    {
        { L1: > 0, L2: > 0 } => RegularizationKind.Both,
        { L1: > 0 } => RegularizationKind.L1,
        { L2: > 0 } => RegularizationKind.L2,
        _ => RegularizationKind.None,
    };

    /// <summary>The regularization rate: the run's (L2's when both are on), or the one J will use while none is.</summary>
    public double RegularizationRate => Simulation.Options switch
    {
        { L2: > 0 } options => options.L2,
        { L1: > 0 } options => options.L1,
        _ => _regularizationRate ?? DefaultRegularizationRate,
    };

    /// <summary>The mini-batch size as shown: "full" or the number of points per step.</summary>
    public string BatchSizeText => BatchText(Simulation.Options.BatchSize, Simulation.Data.Count);

    private static string BatchText(int batchSize, int points) =>
        batchSize == 0 || batchSize >= points ? "full" : Numbers.Compact(batchSize);

    /// <summary>Z (<paramref name="smaller"/>) or Shift+Z: the next listed batch size below or above the current one.</summary>
    private void StepBatchSize(bool smaller)
    {
        var points = Simulation.Data.Count;
        var current = Simulation.Options.BatchSizeFor(points);
        var sizes = BatchSizes.Select(s => s == 0 ? points : s).Where(s => s <= points).Distinct().ToArray();
        var next = smaller ? sizes.Where(s => s < current).DefaultIfEmpty(0).Max() : sizes.Where(s => s > current).DefaultIfEmpty(0).Min();
        if (next == 0)
        {
            Message = smaller ? "batch size is already 1" : "batch size is already the full batch";
            return;
        }
        var batch = next == points ? 0 : next;
        ChangeTraining(Simulation.Options with { BatchSize = batch }, $"batch size {BatchText(batch, points)}");
    }

    /// <summary>J: none, L1, L2, none (both, from the command line, turn off). Training goes on from this epoch, as after O.</summary>
    private void CycleRegularization()
    {
        var rate = RegularizationRate;
        _regularizationRate = rate;
        var next = Regularization switch
        {
            RegularizationKind.None => RegularizationKind.L1,
            RegularizationKind.L1 => RegularizationKind.L2,
            _ => RegularizationKind.None,
        };
        var options = Simulation.Options with
        {
            L1 = next == RegularizationKind.L1 ? rate : 0,
            L2 = next == RegularizationKind.L2 ? rate : 0,
        };
        var what = next == RegularizationKind.None ? "none" : $"{next} {Numbers.Compact(rate)}";
        ChangeTraining(options, $"regularization {what}");
    }

    /// <summary>' (<paramref name="up"/>) or ;: the regularization rate times or divided by 3.16, in place (the next step uses it).</summary>
    private void ScaleRegularizationRate(bool up)
    {
        var rate = LiveEdits.Scaled(RegularizationRate, up);
        _regularizationRate = rate;
        var options = Simulation.Options;
        Simulation.Context.Options = options with
        {
            L1 = options.L1 > 0 ? LiveEdits.Scaled(options.L1, up) : 0,
            L2 = options.L2 > 0 ? LiveEdits.Scaled(options.L2, up) : 0,
        };
        Message = _edits.Log(Simulation, $"regularization rate {Numbers.Compact(rate)}"
            + (Regularization == RegularizationKind.None ? " (J turns regularization on)" : ""));
    }
}
