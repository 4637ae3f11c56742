using System.Text;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Experiments.Reports;

/// <summary>
/// The lab's section 3 for one data set, as `neuronsim train` prints it: the training log every
/// 100 epochs (folded to a readable length), "Converge in N epoch!", the test loss and accuracy,
/// and the predictions. Records use <see cref="Numbers.RoundTrip"/>, as the lab's log does.
/// </summary>
public static class LabLog
{
    /// <summary>Log lines kept before and after the fold.</summary>
    public const int Head = 10, Tail = 5;

    /// <summary>Predictions listed before "... and N more".</summary>
    public const int MaxPredictions = 25;

    /// <summary>The block (a heading line and a code block) for <paramref name="result"/> on <paramref name="data"/>.</summary>
    public static string For(RunResult result, DataSet data)
    {
        var text = new StringBuilder($"The lab's output for {data.Name} at the default setting ({result.Setting.Label}, seed {result.Seed}):\n\n```text\n");
        var log = result.Curve.Epochs.Zip(result.Curve.Losses).Where(p => p.First % 100 == 0).Select(p => $"epoch: {p.First}    loss: {Numbers.RoundTrip(p.Second)}").ToList();
        if (log.Count > Head + Tail + 1)
        {
            log = [.. log.Take(Head), $"... ({log.Count - Head - Tail} more lines, one every 100 epochs) ...", .. log.TakeLast(Tail)];
        }
        foreach (var line in log) text.Append(line).Append('\n');
        text.Append(result.Converged ? $"Converge in {result.Epochs} epoch!\n"
            : result.Diverged ? $"Diverged at epoch {result.Epochs}: the loss {Discussion.DivergenceKind(result)}\n"
            : $"Did not converge in {result.Epochs} epochs (loss {Numbers.RoundTrip(result.FinalLoss)})\n");
        text.Append($"\nTest loss:      {Numbers.RoundTrip(result.TestLoss)}\nTest accuracy:  {Numbers.Percent(result.Accuracy)}\nprediction:\n");
        var shown = Math.Min(result.Predictions.Length, MaxPredictions);
        for (var k = 0; k < shown; k++)
        {
            text.Append($"[{Numbers.RoundTrip(result.Predictions[k])}]  label {data.Labels[k]}\n");
        }
        if (shown < result.Predictions.Length) text.Append($"... and {Numbers.Count(result.Predictions.Length - shown)} more\n");
        return text.Append("```\n").ToString();
    }
}
