namespace NeuronSim.Experiments.Reports;

/// <summary>One planned row of the results: an experiment's setting on a data set with one seed, and its result once finished.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Setting">The setting (with the experiment's label).</param>
/// <param name="Run">The run.</param>
/// <param name="Result">The result, or null when the run has not finished.</param>
public sealed record ResultsRow(ExperimentPreset Experiment, ExperimentSetting Setting, PlannedRun Run, RunResult? Result);
