using System.Text.Json.Nodes;
using NeuronSim.Network.Components;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 14 items 3, 6 and 10: a run is its exact settings and plan; a run file is reused only when it is that run, whole.</summary>
public class RunIdentityTests
{
    private static readonly ExperimentSetting Small = ExperimentTestData.Setting("(2,2)", Activation.Sigmoid, 1, 2, 2);

    [Fact]
    public void Learning_rates_that_differ_in_the_7th_digit_are_two_runs()
    {
        var plan = ExperimentTestData.Plan(10,
            ExperimentTestData.Setting("a", Activation.Sigmoid, 0.5000001, 4, 4),
            ExperimentTestData.Setting("b", Activation.Sigmoid, 0.5000004, 4, 4),
            ExperimentTestData.Setting("c", Activation.Sigmoid, 0.5000004, 4, 4)) with { DataSets = ["xor"] };
        var runs = plan.DistinctRuns();
        Assert.Equal(2, runs.Count);
        Assert.Equal([0.5000001, 0.5000004], runs.Select(r => r.Setting.LearningRate));
    }

    [Fact]
    public void A_run_saved_under_another_plan_is_trained_again_and_says_why()
    {
        WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var first = ExperimentTestData.Plan(100, Small) with { DataSets = ["xor"], TargetLoss = 0 };
            new ExperimentRunner(first, store).Run(null, CancellationToken.None);
            var longer = first with { MaxEpochs = 300 };
            var events = new List<RunEvent>();
            var (results, complete) = new ExperimentRunner(longer, store).Run(new ListProgress(events), CancellationToken.None);
            Assert.True(complete);
            var redo = Assert.Single(events, e => e.Kind == RunEventKind.Retrained);
            Assert.Contains("another plan", redo.Note);
            Assert.Contains(redo.Run.Id, redo.Note);
            Assert.Equal(300, Assert.Single(results.Values).Epochs);
        });
    }

    [Theory]
    [InlineData("predictions", "[]", "predictions")]
    [InlineData("curve", "null", "loss curve is missing")]
    [InlineData("curve", "{}", "loss curve")]
    [InlineData("seed", "2", "seed differs")]
    [InlineData("setting.learningRate", "1.0000001", "setting differs")]
    [InlineData("epochs", "\"many\"", "unreadable")]
    [InlineData("accuracy", "0.5", "does not give the accuracy its run file reports")]
    [InlineData("testLoss", "0.125", "does not give the loss its run file reports")]
    [InlineData("flatSinceEpoch", "3", "its content does not match its checksum (edited or damaged)")]
    [InlineData("checksum", "\"\"", "it has no checksum")]
    public void A_damaged_or_edited_run_file_is_trained_again_with_the_file_and_the_reason(string field, string value, string reason)
    {
        WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = ExperimentTestData.Plan(50, Small) with { DataSets = ["xor"], TargetLoss = 0 };
            new ExperimentRunner(plan, store).Run(null, CancellationToken.None);
            var file = Assert.Single(Directory.GetFiles(store.RunsDirectory, "*.json"));
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var parts = field.Split('.');
            var owner = parts.Length == 2 ? json[parts[0]]!.AsObject() : json;
            owner[parts[^1]] = JsonNode.Parse(value);
            File.WriteAllText(file, json.ToJsonString());

            var events = new List<RunEvent>();
            var (results, complete) = new ExperimentRunner(plan, store).Run(new ListProgress(events), CancellationToken.None);

            Assert.True(complete);
            var redo = Assert.Single(events, e => e.Kind == RunEventKind.Retrained);
            Assert.Contains("runs/" + Path.GetFileNameWithoutExtension(file) + ".", redo.Note); // the run file, or its network when they disagree
            Assert.Contains(reason, redo.Note);
            Assert.Equal(50, Assert.Single(results.Values).Epochs);
            Assert.Null(store.TryLoad(redo.Run, plan, 21).Problem);
        });
    }

    [Fact]
    public void Rows_are_appended_as_runs_finish_and_the_summaries_wait_for_the_end()
    {
        WithDirectory(directory =>
        {
            using var store = RunStore.Open(directory);
            var plan = ExperimentTestData.Plan(20, Small, ExperimentTestData.Setting("(1,1)", Activation.Sigmoid, 1, 1, 1)) with { DataSets = ["xor"], Seeds = 2 };
            var seen = new List<(int Rows, bool Markdown, bool Summary)>();
            new ExperimentRunner(plan, store) { Parallelism = 1 }.Run(new ListProgress([], e =>
            {
                if (e.Kind != RunEventKind.Finished) return;
                seen.Add((File.ReadAllLines(Path.Combine(directory, "results.csv")).Length - 1,
                    File.Exists(Path.Combine(directory, "results.md")), File.Exists(Path.Combine(directory, "summary.csv"))));
            }), CancellationToken.None);
            Assert.Equal([1, 2, 3, 4], seen.Select(s => s.Rows));
            Assert.All(seen, s => Assert.False(s.Markdown || s.Summary, "a summary was rewritten while runs were still training"));
            Assert.True(File.Exists(Path.Combine(directory, "results.md")));
            Assert.True(File.Exists(Path.Combine(directory, "summary.csv")));
        });
    }

    internal static void WithDirectory(Action<string> test)
    {
        var directory = ExperimentTestData.TempDirectory();
        try
        {
            test(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
