using NeuronSim.Network.Components;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 14 items 2, 8, 9 and 12: failures reach the caller, the output directory is ours and locked, plans are validated.</summary>
public class OutputDirectoryTests
{
    [Fact]
    public void A_directory_where_a_run_file_belongs_fails_on_the_calling_thread_and_keeps_the_other_runs()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = ExperimentTestData.Plan(30, ExperimentTestData.Setting("(2,2)", Activation.Sigmoid, 1, 2, 2)) with { Seeds = 2, DataSets = ["xor"] };
            new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            var files = Directory.GetFiles(store.RunsDirectory).Order().ToArray();
            File.Delete(files[0]);
            Directory.CreateDirectory(files[0]);
            var kept = File.ReadAllBytes(files[1]);
            var events = new List<RunEvent>();

            var error = Assert.Throws<IOException>(() => new ExperimentRunner(plan, store).Run(new ListProgress(events), CancellationToken.None));

            Assert.Contains(Path.GetFileNameWithoutExtension(files[0]), error.Message);
            Assert.DoesNotContain('\n', error.Message);
            Assert.Contains(events, e => e.Kind == RunEventKind.Retrained && e.Note!.Contains("is a directory"));
            Assert.Equal(kept, File.ReadAllBytes(files[1]));
        });
    }

    [Fact]
    public void A_second_experiment_on_a_locked_directory_is_refused_until_the_first_ends()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            using (RunStore.Open(directory))
            {
                var error = Assert.Throws<ArgumentException>(() => RunStore.Open(directory));
                Assert.Contains("in use by another neuronsim experiment", error.Message);
            }
            var stale = Path.Combine(directory, "runs", ".xor-run.json.0123.tmp");
            File.WriteAllText(stale, "half a file");
            using var again = RunStore.Open(directory);
            Assert.False(File.Exists(stale), "a temp file left by a hard kill was not cleaned up");
        });
    }

    [Fact]
    public void A_non_empty_directory_that_is_not_an_experiments_is_refused_without_writing()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            Assert.Null(RunStore.RefusesNewPlan(directory));
            File.WriteAllText(Path.Combine(directory, "results.csv"), "mine");
            Assert.Contains("not empty (results.csv is there)", RunStore.RefusesNewPlan(directory));
            Assert.Equal(["results.csv"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
            File.WriteAllText(Path.Combine(directory, "plan.json"), "{}");
            Assert.Contains("already holds an experiment", RunStore.RefusesNewPlan(directory));
        });
    }

    [Theory]
    [InlineData("""{ "name": "../../evil" }""", "the plan's name must be")]
    [InlineData("""{ "seeds": 2000000000 }""", "--seeds must be from 1 to 1000")]
    [InlineData("""{ "firstSeed": 2147483647, "seeds": 2 }""", "runs past the largest seed")]
    [InlineData("""{ "experiments": null }""", "no experiment to run")]
    [InlineData("""{ "lr": -1 }""", "learningRate: must be a positive number")]
    [InlineData("""{ "hidden": [100000, 100000] }""", "hidden[0]: must be a whole number from 1 to")]
    [InlineData("""{ "label": "LONG" }""", "label: at most 80 characters")]
    [InlineData("""{ "experimentName": "x/y" }""", "name: must be 1 to 64")]
    [InlineData("""{ "dataSets": ["xor", "../x"] }""", "unknown data set")]
    [InlineData("not json", "cannot resume")]
    public void A_plan_json_that_does_not_validate_is_refused_on_resume(string change, string expected)
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var plan = ExperimentTestData.Plan(10, ExperimentTestData.Setting("(2,2)", Activation.Sigmoid, 1, 2, 2));
            using (var store = RunStore.Open(directory)) store.SavePlan(plan);
            var path = Path.Combine(directory, "plan.json");
            File.WriteAllText(path, Edit(File.ReadAllText(path), change));
            var error = Assert.Throws<ArgumentException>(() => RunStore.LoadPlan(directory));
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        });
    }

    private static string Edit(string json, string change)
    {
        if (change == "not json") return "{ not json";
        var plan = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var edit = System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject();
        var setting = plan["experiments"]![0]!["settings"]![0]!.AsObject();
        foreach (var (key, value) in edit.ToList())
        {
            edit.Remove(key);
            switch (key)
            {
                case "lr": setting["learningRate"] = value; break;
                case "hidden": setting["hidden"] = value; break;
                case "label": setting["label"] = new string('x', 100_000); break;
                case "experimentName": plan["experiments"]![0]!["name"] = value; break;
                default: plan[key] = value; break;
            }
        }
        return plan.ToJsonString();
    }
}
