using NeuronSim.Network.Components;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

/// <summary>Shared helpers of the experiment tests: the repository's presets, temp directories, small plans.</summary>
internal static class ExperimentTestData
{
    public static string PresetDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeuronSim.sln"))) directory = directory.Parent;
            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("NeuronSim.sln not found above the test output"), "content", "experiments");
        }
    }

    public static ExperimentPreset Lab(string name) => PresetReader.ReadFile(Path.Combine(PresetDirectory, name + ".json"));

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "neuronsim-exp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static ExperimentSetting Setting(string label, Activation activation, double rate, params int[] hidden) =>
        new() { Label = label, Hidden = hidden, Activation = activation, LearningRate = rate };

    public static ExperimentPlan Plan(int maxEpochs, params ExperimentSetting[] settings) => new()
    {
        Name = "test",
        Experiments = [new ExperimentPreset { Name = "test", Title = "Test", Settings = settings }],
        DataSets = ["xor", "linear"],
        MaxEpochs = maxEpochs,
    };

    public static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
