namespace NeuronSim.Experiments.Reports;

/// <summary>What a figure of an experiment shows.</summary>
public enum FigureKind
{
    /// <summary>Loss vs epoch (log scale), one line per setting.</summary>
    LearningCurves,

    /// <summary>The lab's two panels: "Ground truth" and "Predict result".</summary>
    Comparison,
}

/// <summary>A figure file in the output directory, for the report to embed.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="DataSet">The data set.</param>
/// <param name="Kind">What it shows.</param>
/// <param name="SettingLabel">For a comparison: the setting it shows.</param>
/// <param name="FileName">The PNG's name, relative to the output directory.</param>
public sealed record ExperimentFigure(string Experiment, string DataSet, FigureKind Kind, string? SettingLabel, string FileName);
