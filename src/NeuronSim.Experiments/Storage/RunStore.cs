using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Storage;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuronSim.Experiments.Storage;

/// <summary>
/// The output directory of an experiment: plan.json, runs/ID.json (one per finished run, written
/// atomically the moment the run ends), and the tables, figures and report made from them. While
/// open it holds the directory's lock file, so a second experiment on the same directory is refused.
/// </summary>
public sealed class RunStore : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string LockFileName = ".neuronsim.lock";

    /// <summary>The largest plan.json or run file read.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The JSON options of every file the store writes (named NaN/Infinity, enums as text).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly FileStream _lock;

    private RunStore(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
    }

    /// <summary>
    /// Opens the store in <paramref name="directory"/>: creates it (and runs/) and takes its lock.
    /// Call it only after everything has been validated: it is the first write.
    /// </summary>
    /// <exception cref="ArgumentException">Another experiment holds the directory's lock.</exception>
    /// <exception cref="IOException">The directory cannot be created.</exception>
    public static RunStore Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the output directory {full}: {error.Message}", error);
        }
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (File.Exists(Path.Combine(full, LockFileName)) && error is not (DirectoryNotFoundException or PathTooLongException))
        {
            throw new ArgumentException($"{full} is in use by another neuronsim experiment (its {LockFileName} is locked): wait for it to end or choose another directory");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot lock the output directory {full}: {error.Message}", error);
        }
        var store = new RunStore(full, lockFile);
        try
        {
            System.IO.Directory.CreateDirectory(store.RunsDirectory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            store.Dispose();
            throw new IOException($"cannot create {store.RunsDirectory}: {error.Message}", error);
        }
        store.RemoveStaleTempFiles();
        return store;
    }

    /// <summary>
    /// Why <paramref name="directory"/> cannot take a new experiment (it holds one already, it is a
    /// file, or it is not empty and not an experiment's), or null when it can. Writes nothing.
    /// </summary>
    public static string? RefusesNewPlan(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full)) return $"--out {full} is a file, not a directory";
        if (!System.IO.Directory.Exists(full)) return null;
        if (HasPlan(full)) return $"{full} already holds an experiment: resume it with --resume {full} or choose another --out";
        var ours = new[] { LockFileName, "runs" };
        var foreign = System.IO.Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).FirstOrDefault(name => !ours.Contains(name));
        return foreign is null ? null : $"--out {full} is not empty ({foreign} is there) and holds no experiment of neuronsim: choose an empty or new directory";
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

    /// <summary>Reads and validates the plan saved in <paramref name="directory"/> (writes nothing).</summary>
    /// <exception cref="ArgumentException">There is no readable, valid plan.json; the message says why.</exception>
    public static ExperimentPlan LoadPlan(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), "plan.json");
        ExperimentPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<ExperimentPlan>(BoundedFile.ReadText(path, MaxFileBytes), Json);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ArgumentException($"cannot resume: {path}: {error.Message.Split('\n')[0]}");
        }
        if (plan is null) throw new ArgumentException($"cannot resume: {path} is empty (null)");
        try
        {
            plan.Validate();
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"cannot resume: {path}: {error.Message}");
        }
        return plan;
    }

    /// <summary>
    /// Saves a finished run: its network first (runs/ID.safetensors, when there is one), then its
    /// result (runs/ID.json), each atomically, so a result on disk always has its network beside it.
    /// </summary>
    public void Save(RunResult result, NetworkCheckpoint? network = null)
    {
        if (network is not null) network.Save(Path.Combine(Directory, RunNetwork.FileOf(result.Id)));
        AtomicFile.WriteAllBytes(PathOf(result.Id), JsonSerializer.SerializeToUtf8Bytes(result with { Checksum = ChecksumOf(result) }, Json));
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="result"/> as saved, with its checksum empty.</summary>
    public static string ChecksumOf(RunResult result) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(result with { Checksum = "" }, Json)))[..16];

    /// <summary>
    /// The saved result of <paramref name="run"/> when its file passes <see cref="SavedRunCheck"/>;
    /// otherwise null, with the reason when a file was there ("runs/ID.json: REASON").
    /// </summary>
    public (RunResult? Result, string? Problem) TryLoad(PlannedRun run, ExperimentPlan plan, int points)
    {
        var path = PathOf(run.Id);
        var relative = Path.Combine("runs", run.Id + ".json");
        if (System.IO.Directory.Exists(path)) return (null, $"{relative} is a directory");
        if (!File.Exists(path)) return (null, null);
        RunResult? saved;
        try
        {
            saved = JsonSerializer.Deserialize<RunResult>(BoundedFile.ReadText(path, MaxFileBytes), Json);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or InvalidOperationException)
        {
            return (null, $"{relative} is unreadable ({error.Message.Split('\n')[0]})");
        }
        if (SavedRunCheck.Problem(saved, run, plan, points) is { } problem) return (null, $"{relative}: {problem}");
        var network = RunNetwork.FileOf(run.Id);
        if (saved!.Network.Length == 0)
        {
            if (!saved.Diverged) return (null, $"{relative}: it keeps no network ({network}; a run file from before networks were kept)");
        }
        else
        {
            if (saved.Network.Replace('\\', '/') != network.Replace('\\', '/')) return (null, $"{relative}: its network file '{ExperimentPreset.Shorten(saved.Network)}' is not {network}");
            if (RunNetwork.Problem(Path.Combine(Directory, network), saved, run, plan) is { } damaged) return (null, $"{network} {damaged}");
        }
        if (saved.Checksum.Length == 0) return (null, $"{relative}: it has no checksum (a run file from before checksums were kept)");
        return saved.Checksum == ChecksumOf(saved) ? (saved, null) : (null, $"{relative}: its content does not match its checksum (edited or damaged)");
    }

    /// <summary>Writes a text file of the output directory atomically.</summary>
    public void WriteText(string fileName, string text) => AtomicFile.WriteAllText(Path.Combine(Directory, fileName), text);

    /// <summary>Appends <paramref name="text"/> to a file of the output directory (for rows added as runs finish).</summary>
    public void AppendText(string fileName, string text)
    {
        var path = Path.Combine(Directory, fileName);
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {error.Message}", error);
        }
    }

    /// <summary>Deletes the temp files of atomic writes a hard kill left behind (safe: the lock says no one else writes here).</summary>
    private void RemoveStaleTempFiles()
    {
        foreach (var folder in new[] { Directory, RunsDirectory, Path.Combine(Directory, "figures") }.Where(System.IO.Directory.Exists))
        {
            foreach (var temp in System.IO.Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // a stale temp file that cannot be deleted harms nothing
                }
            }
        }
    }

    /// <summary>Releases the directory's lock.</summary>
    public void Dispose() => _lock.Dispose();

    private string PathOf(string id) => Path.Combine(RunsDirectory, id + ".json");
}
