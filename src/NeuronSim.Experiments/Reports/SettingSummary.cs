namespace NeuronSim.Experiments.Reports;

/// <summary>The statistics of one setting over its finished seeds.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="DataSet">The data set.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Runs">Finished seeds.</param>
/// <param name="Converged">Seeds that converged.</param>
/// <param name="ConvergenceRate">Converged / runs.</param>
/// <param name="MedianEpochs">Median epochs to converge over the converged seeds (null if none).</param>
/// <param name="Diverged">Seeds that diverged.</param>
/// <param name="MedianFinalLoss">Median final loss.</param>
public sealed record SettingSummary(ExperimentPreset Experiment, string DataSet, ExperimentSetting Setting, int Runs, int Converged,
    double ConvergenceRate, double? MedianEpochs, int Diverged, double MedianFinalLoss);
