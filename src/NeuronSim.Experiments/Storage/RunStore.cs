using NeuronSim.Network.Storage;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuronSim.Experiments.Storage;

/// <summary>
/// The output directory of an experiment: plan.json, runs/ID.json (one per finished run, written
/// atomically the moment the run ends), and the tables, figures and report made from them.
/// </summary>
public sealed class RunStore
{
    /// <summary>The JSON options of every file the store writes (named NaN/Infinity, enums as text).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Opens (and creates) the store in <paramref name="directory"/>.</summary>
    public RunStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(RunsDirectory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the output directory {RunsDirectory}: {error.Message}", error);
        }
    }

    /// <summary>The output directory.</summary>
    public string Directory { get; }

    /// <summary>Where the per-run results go.</summary>
    public string RunsDirectory => Path.Combine(Directory, "runs");

    /// <summary>The plan file.</summary>
    public string PlanPath => Path.Combine(Directory, "plan.json");

    /// <summary>Whether <paramref name="directory"/> holds a plan to resume.</summary>
    public static bool HasPlan(string directory) => File.Exists(Path.Combine(directory, "plan.json"));

    /// <summary>Saves the plan.</summary>
    public void SavePlan(ExperimentPlan plan) => AtomicFile.WriteAllText(PlanPath, JsonSerializer.Serialize(plan, Json));

    /// <summary>Loads the saved plan.</summary>
    /// <exception cref="ArgumentException">There is no readable plan.json.</exception>
    public ExperimentPlan LoadPlan()
    {
        try
        {
            return JsonSerializer.Deserialize<ExperimentPlan>(File.ReadAllText(PlanPath), Json)
                ?? throw new ArgumentException($"{PlanPath} is empty");
        }
        catch (Exception error) when (error is IOException or JsonException or NotSupportedException)
        {
            throw new ArgumentException($"cannot resume from {Directory}: {PlanPath} is missing or unreadable ({error.Message})");
        }
    }

    /// <summary>Saves a finished run's result (atomically).</summary>
    public void Save(RunResult result) => AtomicFile.WriteAllText(PathOf(result.Id), JsonSerializer.Serialize(result, Json));

    /// <summary>The result of run <paramref name="id"/>, or null when it has not finished (or its file is damaged).</summary>
    public RunResult? TryLoad(string id)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), Json);
        }
        catch (Exception error) when (error is IOException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The finished results among <paramref name="runs"/>, by id.</summary>
    public Dictionary<string, RunResult> LoadAll(IEnumerable<PlannedRun> runs)
    {
        var results = new Dictionary<string, RunResult>();
        foreach (var run in runs)
        {
            if (TryLoad(run.Id) is { } result) results[run.Id] = result;
        }
        return results;
    }

    /// <summary>Writes a text file of the output directory atomically.</summary>
    public void WriteText(string fileName, string text) => AtomicFile.WriteAllText(Path.Combine(Directory, fileName), text);

    private string PathOf(string id) => Path.Combine(RunsDirectory, id + ".json");
}
