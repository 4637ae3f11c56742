using System.Text.Json.Serialization;
using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Runs;

/// <summary>What one finished run produced; saved as runs/ID.json as soon as the run ends.</summary>
public sealed record RunResult
{
    /// <summary>The run's id (<see cref="PlannedRun.Id"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The built-in data set's name.</summary>
    public required string DataSet { get; init; }

    /// <summary>What was trained.</summary>
    public required ExperimentSetting Setting { get; init; }

    /// <summary>The seed of the initial weights.</summary>
    public required int Seed { get; init; }

    /// <summary>How training ended: Converged, MaxEpochsReached or Diverged.</summary>
    public required TrainingStatus Status { get; init; }

    /// <summary>Epochs trained; for a diverged run, the epoch whose loss was NaN or infinite.</summary>
    public required int Epochs { get; init; }

    /// <summary>The loss of the last epoch (NaN or infinity for a diverged run).</summary>
    public required double FinalLoss { get; init; }

    /// <summary>The loss of the trained network on the training points (the lab's "test loss"; NaN or infinity for a diverged run).</summary>
    public double TestLoss { get; init; }

    /// <summary>Accuracy on the training points after training (the lab's "test accuracy").</summary>
    public required double Accuracy { get; init; }

    /// <summary>Points held out as a test set (0 without a test ratio).</summary>
    public int TestPoints { get; init; }

    /// <summary>The trained network's loss on the held-out points (<see cref="TrainingSimulation.Measure"/>); null without a test ratio.</summary>
    public double? HeldOutLoss { get; init; }

    /// <summary>The trained network's accuracy on the held-out points; null without a test ratio.</summary>
    public double? HeldOutAccuracy { get; init; }

    /// <summary>The network's output for each held-out point after training (empty without a test ratio).</summary>
    public double[] TestPredictions { get; init; } = [];

    /// <summary>The epoch from which the loss stayed within <see cref="PlateauTolerance"/> (relative) of its value then.</summary>
    public int FlatSinceEpoch { get; init; }

    /// <summary>Seconds the run took.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>The epoch cap the run had.</summary>
    public required int MaxEpochs { get; init; }

    /// <summary>The target loss the run had.</summary>
    public double TargetLoss { get; init; }

    /// <summary>The <see cref="ExperimentPlan.Hash"/> of the plan that trained the run (stopping rule and data).</summary>
    public string PlanHash { get; init; } = "";

    /// <summary>The loss curve (sparse).</summary>
    public required LossCurve Curve { get; init; }

    /// <summary>The loss on the held-out points after each epoch (sparse like <see cref="Curve"/>); null without a test ratio.</summary>
    public LossCurve? TestCurve { get; init; }

    /// <summary>The network's output for each training point after training.</summary>
    public required double[] Predictions { get; init; }

    /// <summary>The output on a <see cref="PredictionGrid"/> of points, row by row (x1 outer, x0 inner).</summary>
    public required double[] Grid { get; init; }

    /// <summary>The run's final network, relative to the output directory ("runs/ID.safetensors"); empty when none was kept (a diverged run).</summary>
    public string Network { get; init; } = "";

    /// <summary>When the run ended.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>
    /// A hash of the run file's content written with this field empty (see RunStore): a file edited or damaged
    /// afterwards, even in a number nothing else can check (the plateau epoch, a point of the curve), no longer matches.
    /// </summary>
    public string Checksum { get; init; } = "";

    /// <summary>Whether the loss fell below the target.</summary>
    public bool Converged => Status == TrainingStatus.Converged;

    /// <summary>How close (relative) the loss must stay to its level to count as flat: 1e-6.</summary>
    public const double PlateauTolerance = 1e-6;

    /// <summary>A run that ended at the epoch cap with its loss flat for this many epochs or more sat on a plateau.</summary>
    public const int PlateauEpochs = 1000;

    /// <summary>
    /// For a run that neither converged nor diverged and whose loss stayed flat for at least
    /// the last <see cref="PlateauEpochs"/> epochs: the epoch the plateau began; otherwise null.
    /// </summary>
    [JsonIgnore]
    public int? PlateauSince => !Converged && !Diverged && Epochs - FlatSinceEpoch >= PlateauEpochs ? FlatSinceEpoch : null;

    /// <summary>Whether the loss became NaN or infinite.</summary>
    public bool Diverged => Status == TrainingStatus.Diverged;
}
