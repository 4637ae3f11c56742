using NeuronSim.Network.Storage;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Rendering.Figures;

/// <summary>
/// Draws every figure of a plan into DIR/figures: per experiment and data set the learning curves,
/// and per setting the "Ground truth" / "Predict result" comparison of its first seed.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>The folder of the figures inside the output directory.</summary>
    public const string Folder = "figures";

    /// <summary>Draws the figures of the finished runs in <paramref name="table"/>; returns them for the report.</summary>
    public static IReadOnlyList<ExperimentFigure> DrawAll(ResultsTable table, string directory) => DrawAll(table, directory, () => false, out _);

    /// <summary>
    /// As <see cref="DrawAll(ResultsTable, string)"/>, but asks <paramref name="stop"/> before each figure and, once it says
    /// yes, draws no more (after Ctrl+C a figure takes a few tenths of a second: hundreds would hold the exit for minutes);
    /// <paramref name="skipped"/> counts those left out.
    /// </summary>
    public static IReadOnlyList<ExperimentFigure> DrawAll(ResultsTable table, string directory, Func<bool> stop, out int skipped)
    {
        var plan = table.Plan;
        var figures = new List<ExperimentFigure>();
        var left = 0;
        var stopped = false;
        bool Skip()
        {
            stopped = stopped || stop();
            if (stopped) left++;
            return stopped;
        }
        foreach (var experiment in plan.Experiments)
        {
            foreach (var dataSet in plan.DataSetsOf(experiment))
            {
                var rows = table.Rows.Where(r => r.Experiment == experiment && r.Run.DataSet == dataSet).ToList();
                if (rows.All(r => r.Result is null)) continue;
                var series = plan.RunsOf(experiment, dataSet).Select(pair => pair.Setting).Distinct()
                    .Select(s => (s.Label, (IReadOnlyList<RunResult>)rows.Where(r => r.Setting == s && r.Result is not null).Select(r => r.Result!).ToList()))
                    .ToList();
                var curves = $"{Folder}/{experiment.Name}-{dataSet}-curves.png";
                if (!Skip())
                {
                    Save(directory, curves, LearningCurveFigure.Render($"{ResultsTable.Heading(experiment)}: {dataSet}", series, plan.TargetLoss));
                    figures.Add(new ExperimentFigure(experiment.Name, dataSet, FigureKind.LearningCurves, null, curves));
                }
                foreach (var row in rows.Where(r => r.Run.Seed == plan.FirstSeed && r.Result is not null))
                {
                    if (Skip()) continue;
                    var file = $"{Folder}/{experiment.Name}-{dataSet}-{Slug(row.Setting.Label)}-compare.png";
                    var caption = row.Setting.Summary;
                    Save(directory, file, ComparisonFigure.Render(RunData.For(row.Run, plan), row.Result!, caption));
                    figures.Add(new ExperimentFigure(experiment.Name, dataSet, FigureKind.Comparison, row.Setting.Label, file));
                }
            }
        }
        skipped = left;
        return figures;
    }

    /// <summary>A file-name-safe form of a label: "lr 1e-06" becomes "lr-1e-06".</summary>
    public static string Slug(string label)
    {
        var chars = label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "setting" : slug;
    }

    private static void Save(string directory, string relative, byte[] png) => AtomicFile.WriteAllBytes(Path.Combine(directory, relative), png);
}
