namespace NeuronSim.Experiments.Runs;

/// <summary>
/// A run's loss per epoch, stored sparsely: every epoch up to 1000, every 10th up to 10000, then
/// every 100th, plus the last epoch. Only finite losses are kept (a diverged run ends before the NaN).
/// </summary>
public sealed class LossCurve
{
    /// <summary>Epochs of the stored points, increasing.</summary>
    public List<int> Epochs { get; init; } = new();

    /// <summary>The loss at each stored epoch.</summary>
    public List<double> Losses { get; init; } = new();

    /// <summary>Whether <paramref name="epoch"/> is one the curve keeps.</summary>
    public static bool Keeps(int epoch) => epoch <= 1000 || (epoch <= 10_000 ? epoch % 10 == 0 : epoch % 100 == 0);

    /// <summary>Records the loss of <paramref name="epoch"/> if the curve keeps that epoch and the loss is finite.</summary>
    public void Add(int epoch, double loss)
    {
        if (Keeps(epoch)) Append(epoch, loss);
    }

    /// <summary>Records the last finite loss of a run, whatever its epoch.</summary>
    public void Finish(int epoch, double loss) => Append(epoch, loss);

    private void Append(int epoch, double loss)
    {
        if (!double.IsFinite(loss)) return;
        if (Epochs.Count > 0 && Epochs[^1] >= epoch) return;
        Epochs.Add(epoch);
        Losses.Add(loss);
    }
}
