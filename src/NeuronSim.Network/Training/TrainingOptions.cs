namespace NeuronSim.Network.Training;

/// <summary>How to train: the lab's defaults are lr 1, stop at loss &lt; 0.005 or 100000 epochs.</summary>
public sealed record TrainingOptions
{
    /// <summary>Gradient-descent step: w &lt;- w - lr * dL/dw.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Training has converged once the loss is below this.</summary>
    public double TargetLoss { get; init; } = 0.005;

    /// <summary>The most epochs to train.</summary>
    public int MaxEpochs { get; init; } = 100_000;

    /// <summary>Options that never end training on their own (no target loss, no epoch limit), at lr 1: for benchmarks and timing.</summary>
    public static TrainingOptions Unbounded { get; } = new() { TargetLoss = 0, MaxEpochs = int.MaxValue };

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when out of range.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"the learning rate must be a positive number, got {LearningRate}");
        if (!(TargetLoss >= 0)) throw new ArgumentException($"the target loss must be zero or positive, got {TargetLoss}");
        if (MaxEpochs < 1) throw new ArgumentException($"epochs must be at least 1, got {MaxEpochs}");
    }
}
