using System.Text.Json;
using FsCheck.Xunit;
using NeuronSim.Commands;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;

namespace NeuronSim.Cli.Tests;

/// <summary>
/// Issue 14's properties over the experiment's input files, mutated from real ones (a few characters inserted, deleted or
/// replaced): a preset and a plan.json are read or refused with one line, never another exception; a run file is reused
/// only when everything it holds is what was saved (its checksum, and its numbers measured again on its network), else
/// trained again with the reason: no silent wrong result.
/// </summary>
public sealed class ExperimentInputProperties
{
    private const string Alphabet = "{}[]\":,.-+0123456789eE \n\\truenfalsNIiy\u0000\uFEFF";

    private static readonly Lazy<FinishedRuns> Finished = new(FinishedRuns.Make);

    [Property(MaxTest = 400)]
    public void A_mutated_preset_is_read_or_refused_in_one_line(int seed)
    {
        var random = new Random(seed);
        var name = ExperimentSettings.AllExperiments[random.Next(ExperimentSettings.AllExperiments.Length)];
        var text = Mutate(File.ReadAllText(Path.Combine(ExperimentCommand.PresetDirectory, name + ".json")), random);
        try
        {
            var preset = PresetReader.Parse(text, "fuzz.json");
            new ExperimentPlan { Name = "fuzz", Experiments = [preset], DataSets = ["xor"] }.Validate();
        }
        catch (ArgumentException error)
        {
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    [Property(MaxTest = 400)]
    public void A_mutated_plan_json_is_resumed_or_refused_in_one_line(int seed)
    {
        var finished = Finished.Value;
        var directory = Directory.CreateTempSubdirectory("neuronsim-plan-fuzz-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "plan.json"), Mutate(finished.PlanText, new Random(seed)));
            try
            {
                RunStore.LoadPlan(directory).DistinctRuns();
            }
            catch (ArgumentException error)
            {
                Assert.StartsWith("cannot resume: ", error.Message);
                Assert.DoesNotContain('\n', error.Message);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Property(MaxTest = 400)]
    public void A_mutated_run_file_is_reused_only_with_what_was_saved(int seed)
    {
        var finished = Finished.Value;
        lock (finished)
        {
            var random = new Random(seed);
            var (run, original) = finished.Runs[random.Next(finished.Runs.Count)];
            var path = Path.Combine(finished.Store.RunsDirectory, run.Id + ".json");
            var text = File.ReadAllText(path);
            try
            {
                // Mutations where the reported fields are (before the loss curve's long arrays), so most of them count.
                File.WriteAllText(path, Mutate(text, random, text.IndexOf("\"curve\"", StringComparison.Ordinal)));
                var (saved, problem) = finished.Store.TryLoad(run, finished.Plan, RunData.For(run, finished.Plan).Train.Count);
                if (saved is null)
                {
                    Assert.NotNull(problem);
                    Assert.DoesNotContain('\n', problem);
                    return;
                }
                Assert.Equal(Reported(original), Reported(saved));
            }
            finally
            {
                File.WriteAllText(path, text);
            }
        }
    }

    /// <summary>Everything a reused run brings (its checksum aside): what results.csv, results.md, the figures and the report show.</summary>
    private static string Reported(RunResult r) => JsonSerializer.Serialize(r with { Checksum = "" }, RunStore.Json);

    private static string Mutate(string text, Random random, int within = int.MaxValue)
    {
        var chars = text.ToList();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var at = random.Next(Math.Min(chars.Count, within) + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }
        return new string([.. chars]);
    }

    /// <summary>A finished 'lr' experiment on xor (50 epochs) in a temporary directory, kept for the test run.</summary>
    private sealed record FinishedRuns(ExperimentPlan Plan, string PlanText, RunStore Store, IReadOnlyList<(PlannedRun Run, RunResult Result)> Runs)
    {
        public static FinishedRuns Make()
        {
            var directory = Directory.CreateTempSubdirectory("neuronsim-run-fuzz-").FullName;
            var plan = new ExperimentPlan
            {
                Name = "lr",
                Experiments = [PresetReader.ReadFile(Path.Combine(ExperimentCommand.PresetDirectory, "lr.json"))],
                DataSets = ["xor"],
                MaxEpochs = 50,
            };
            var store = RunStore.Open(directory);
            store.SavePlan(plan);
            var (results, complete) = new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            Assert.True(complete);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                store.Dispose();
                Directory.Delete(directory, recursive: true);
            };
            return new FinishedRuns(plan, File.ReadAllText(Path.Combine(directory, "plan.json")), store,
                plan.DistinctRuns().Select(run => (run, results[run.Id])).ToList());
        }
    }
}
