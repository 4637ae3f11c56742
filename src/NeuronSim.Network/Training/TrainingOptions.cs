using NeuronSim.Network.Model;

namespace NeuronSim.Network.Training;

/// <summary>
/// How to train. The lab's defaults: MSE, plain gradient descent at lr 1 on the full batch, stop at
/// loss &lt; 0.005 or 100000 epochs. Messages from <see cref="Validate"/> name the command-line option.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The optimizer's step size (plain gradient descent: w &lt;- w - lr * dL/dw).</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Training has converged once the (data) loss is below this.</summary>
    public double TargetLoss { get; init; } = 0.005;

    /// <summary>Training stops when this many epochs are done.</summary>
    public int MaxEpochs { get; init; } = 100_000;

    /// <summary>The loss function.</summary>
    public LossKind Loss { get; init; } = LossKind.Mse;

    /// <summary>The optimizer and its hyper-parameters.</summary>
    public OptimizerSettings Optimizer { get; init; } = new();

    /// <summary>L2 weight decay on the weights (not the biases): adds (l2/2) sum w^2 to the loss, l2 w to each gradient.</summary>
    public double L2 { get; init; }

    /// <summary>L1 regularization on the weights (not the biases): adds l1 sum |w| to the loss, l1 sign(w) to each gradient.</summary>
    public double L1 { get; init; }

    /// <summary>Points per optimizer step; 0 means every point (full batch, the lab's).</summary>
    public int BatchSize { get; init; }

    /// <summary>Seed of the per-epoch shuffle of mini-batches.</summary>
    public int ShuffleSeed { get; init; } = 1;

    /// <summary>Options that never end training on their own (no target loss, no epoch limit), at lr 1: for benchmarks and timing.</summary>
    public static TrainingOptions Unbounded { get; } = new() { TargetLoss = 0, MaxEpochs = int.MaxValue };

    /// <summary>Whether any regularization term is on.</summary>
    public bool Regularized => L1 > 0 || L2 > 0;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason naming the option when out of range.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"--lr must be a positive number, got {LearningRate}");
        if (!(TargetLoss >= 0)) throw new ArgumentException($"--target-loss must be zero or positive, got {TargetLoss}");
        if (MaxEpochs < 1) throw new ArgumentException($"--epochs must be at least 1, got {MaxEpochs}");
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentException($"--l2 must be zero or a positive number, got {L2}");
        if (!(L1 >= 0) || double.IsInfinity(L1)) throw new ArgumentException($"--l1 must be zero or a positive number, got {L1}");
        if (BatchSize < 0) throw new ArgumentException($"--batch-size must be at least 1, got {BatchSize}");
        Optimizer.Validate();
    }

    /// <summary>"adam (beta1 0.9, beta2 0.999, eps 1e-08), lr 0.01, mse loss, batches of 7, l2 0.01": what trains the network.</summary>
    public override string ToString()
    {
        var text = $"{Systems.Optimizers.Describe(Optimizer)}, lr {Formatting.Numbers.Compact(LearningRate)}, {Losses.Of(Loss).Name} loss, "
            + (BatchSize == 0 ? "full batch" : $"batches of {BatchSize} (shuffle seed {ShuffleSeed})");
        if (L2 > 0) text += $", l2 {Formatting.Numbers.Compact(L2)}";
        if (L1 > 0) text += $", l1 {Formatting.Numbers.Compact(L1)}";
        return text;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the batch size does not fit a data set of <paramref name="points"/> points.</summary>
    public void ValidateFor(int points)
    {
        if (BatchSize > points) throw new ArgumentException($"--batch-size must be at most the number of training points ({points}), got {BatchSize}");
    }

    /// <summary>The batch size for <paramref name="points"/> training points.</summary>
    public int BatchSizeFor(int points) => BatchSize == 0 ? points : Math.Min(BatchSize, points);
}
