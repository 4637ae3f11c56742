using System.Security.Cryptography;
using System.Text;

namespace NeuronSim.Experiments.Plans;

/// <summary>One training run of a plan: a setting on a data set with one weight seed.</summary>
/// <param name="DataSet">A built-in data set's name (<see cref="Network.Data.DataSets"/>).</param>
/// <param name="Setting">What is trained.</param>
/// <param name="Seed">The seed of the initial weights.</param>
public sealed record PlannedRun(string DataSet, ExperimentSetting Setting, int Seed)
{
    /// <summary>Everything that decides what the run trains, with exact values.</summary>
    public string Identity { get; } = $"data={DataSet};{Setting.Identity};seed={Seed}";

    /// <summary>
    /// Names the run's result file: a readable part and a hash of <see cref="Identity"/>, so two
    /// settings that differ in the 16th digit of their learning rate are two runs; identical runs in
    /// different experiments share it.
    /// </summary>
    public string Id { get; } = $"{DataSet}-{Setting.Key}-s{Seed}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"data={DataSet};{Setting.Identity};seed={Seed}")))[..12]}";

    /// <summary>Relative cost of one epoch (multiply-adds per epoch) on <paramref name="trainingPoints"/> points, to start the slow runs first.</summary>
    public double CostPerEpoch(int trainingPoints)
    {
        int[] sizes = [Setting.FeatureSet.Count, .. Setting.Hidden, 1];
        double weights = 0;
        for (var i = 1; i < sizes.Length; i++) weights += (double)sizes[i - 1] * sizes[i];
        return weights * trainingPoints;
    }
}
