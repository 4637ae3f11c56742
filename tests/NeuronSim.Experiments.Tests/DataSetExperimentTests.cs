using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Training;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

/// <summary>Issue 10 items 1, 3, 4 and 8 in experiments: every built-in data set, per-setting data, held-out test sets, grids on the data's bounds.</summary>
public class DataSetExperimentTests
{
    private static ExperimentSetting Read(string setting) =>
        Assert.Single(PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ {{setting}} ] }""", "p.json").Settings);

    private static PresetException Refused(string setting) =>
        Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ {{setting}} ] }""", "p.json"));

    private static ExperimentPlan PlanOn(string[] dataSets, int maxEpochs, params ExperimentSetting[] settings) =>
        ExperimentTestData.Plan(maxEpochs, settings) with { DataSets = dataSets };

    private static readonly ExperimentSetting Lab = ExperimentTestData.Setting("lab", Activation.Sigmoid, 1, 4, 4);

    [Fact]
    public void A_plan_takes_every_built_in_set_and_an_unknown_one_is_refused_naming_them_all()
    {
        PlanOn([.. DataSets.Names], 10, Lab).Validate();
        var error = Assert.Throws<ArgumentException>(() => PlanOn(["moons"], 10, Lab).Validate());
        Assert.Equal("unknown data set 'moons' (expected xor, linear, circle, gauss, spiral, xor-quadrants)", error.Message);
    }

    [Fact]
    public void The_report_describes_each_set_from_the_catalogue_with_its_real_size()
    {
        var plan = PlanOn(["xor", "circle"], 10, Lab, Lab with { Label = "spiral", Data = "spiral", Points = 300, Noise = 0.1, TestRatio = 0.3 });
        var line = ReportWriter.DataLine(plan);
        Assert.Contains($"  - xor (21 points): {DataSets.Entry("xor").Description}.", line);
        Assert.Contains($"  - circle (500 points): {DataSets.Entry("circle").Description}.", line);
        Assert.Contains($"  - spiral (300 points, noise 0.1, 90 (30.0%) held out for testing): {DataSets.Entry("spiral").Description}.", line);
        Assert.DoesNotContain("linear", line);
    }

    [Fact]
    public void The_cost_of_an_epoch_counts_the_real_points_and_inputs()
    {
        var spiral = Lab with { Data = "spiral", Features = ["x0", "x1", "x0sq", "x1sq", "x0x1", "sinx0", "sinx1"] };
        var plan = PlanOn(["xor"], 10, Lab, spiral);
        var runs = plan.DistinctRuns();
        var xorRun = runs.Single(r => r.DataSet == "xor");
        var spiralRun = runs.Single(r => r.DataSet == "spiral");
        Assert.Equal((2 * 4 + 4 * 4 + 4) * 21.0, xorRun.CostPerEpoch(RunData.For(xorRun, plan).Train.Count));
        Assert.Equal((7 * 4 + 4 * 4 + 4) * 500.0, spiralRun.CostPerEpoch(RunData.For(spiralRun, plan).Train.Count));
    }

    [Fact]
    public void A_setting_with_its_own_data_runs_only_there_and_the_plan_includes_that_set()
    {
        var plan = PlanOn(["xor", "linear"], 10, Lab, Lab with { Label = "on gauss", Data = "gauss" });
        var runs = plan.DistinctRuns();
        Assert.Equal(["xor", "linear", "gauss"], runs.Select(r => r.DataSet).ToArray());
        Assert.Equal("on gauss", runs.Single(r => r.DataSet == "gauss").Setting.Label);
        Assert.Equal(["xor", "linear", "gauss"], plan.UsedDataSets);
        Assert.Equal(["xor", "linear", "gauss"], plan.DataSetsOf(plan.Experiments[0]));
        Assert.Equal(3, ResultsTable.Build(plan, new Dictionary<string, RunResult>()).Rows.Count);
    }

    [Fact]
    public void Data_fields_at_their_defaults_keep_the_identity_and_each_other_value_changes_it()
    {
        var plain = Read("""{ "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1 }""");
        var defaults = Read("""{ "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1, "noise": 0, "features": ["x0", "x1"], "test_ratio": 0 }""");
        Assert.Equal("hidden=4,4;activation=sigmoid;lr=1;bias=yes", plain.Identity);
        Assert.Equal(plain.Identity, defaults.Identity);
        Assert.Equal(new PlannedRun("xor", plain, 1).Id, new PlannedRun("xor", defaults, 1).Id);
        var spiral = """ "data": "spiral", "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1 """;
        var variants = new[]
        {
            Read($$"""{ {{spiral}} }"""),
            Read($$"""{ {{spiral}}, "points": 400 }"""),
            Read($$"""{ {{spiral}}, "noise": 0.1 }"""),
            Read($$"""{ {{spiral}}, "noise": 0.10000000000000002 }"""),
            Read($$"""{ {{spiral}}, "features": ["x0", "x1", "x0x1"] }"""),
            Read($$"""{ {{spiral}}, "features": ["x1", "x0", "x0x1"] }"""),
            Read($$"""{ {{spiral}}, "test_ratio": 0.3 }"""),
        };
        Assert.Equal(variants.Length, variants.Select(v => new PlannedRun("spiral", v, 1).Id).Distinct().Count());
        Assert.Contains(";features=x1,x0,x0x1", variants[5].Identity);
        Assert.Contains(";test_ratio=0.3", variants[6].Identity);
    }

    [Fact]
    public void Data_fields_are_read_through_the_engine_rules_and_a_bad_one_names_its_field()
    {
        var setting = Read("""{ "data": "Spiral", "points": 300, "noise": 0.2, "features": ["X0", "x1", "sinx0"], "test_ratio": 0.25, "hidden": [8], "activation": "tanh", "learningRate": 0.1 }""");
        Assert.Equal("spiral", setting.Data);
        Assert.Equal(300, setting.Points);
        Assert.Equal(0.2, setting.Noise);
        Assert.Equal(["x0", "x1", "sinx0"], setting.Features);
        Assert.Equal(0.25, setting.TestRatio);
        Assert.Equal(["x0", "x1", "sinx0"], setting.ToSpec(1).Features.Names);
        const string net = """ "hidden": [4], "activation": "sigmoid", "learningRate": 1 """;
        Assert.Equal("p.json: settings[0].data: unknown data set 'moons' (expected xor, linear, circle, gauss, spiral, xor-quadrants)", Refused($$"""{ {{net}}, "data": "moons" }""").Message);
        Assert.Equal("p.json: settings[0].features: unknown feature 'x9' (expected x0, x1, x0sq, x1sq, x0x1, sinx0, sinx1)", Refused($$"""{ {{net}}, "features": ["x0", "x9"] }""").Message);
        Assert.Equal("p.json: settings[0].features: feature 'x0' is given twice", Refused($$"""{ {{net}}, "features": ["x0", "X0"] }""").Message);
        Assert.StartsWith("p.json: settings[0].features: must be an array", Refused($$"""{ {{net}}, "features": "x0,x1" }""").Message);
        Assert.Equal("p.json: settings[0].test_ratio: must be at least 0 and below 1, got 1", Refused($$"""{ {{net}}, "test_ratio": 1 }""").Message);
        Assert.Equal("p.json: settings[0].points: xor has a fixed 21 points (leave it out)", Refused($$"""{ {{net}}, "data": "xor", "points": 50 }""").Message);
        Assert.Equal("p.json: settings[0].points: must be a whole number from 1 to 1000000, got 0", Refused($$"""{ {{net}}, "data": "circle", "points": 0 }""").Message);
        Assert.Equal("p.json: settings[0].noise: linear takes no noise (leave it out)", Refused($$"""{ {{net}}, "data": "linear", "noise": 0.1 }""").Message);
        Assert.Equal("p.json: settings[0].noise: must be from 0 to 0.5, got 0.6", Refused($$"""{ {{net}}, "data": "circle", "noise": 0.6 }""").Message);
    }

    [Fact]
    public void A_run_with_a_test_ratio_measures_the_held_out_points_and_the_csv_shows_them()
    {
        var setting = Read("""{ "label": "gauss", "data": "gauss", "points": 200, "test_ratio": 0.3, "hidden": [2], "activations": ["tanh"], "learningRate": 0.05, "optimizer": "adam" }""");
        var plan = PlanOn(["xor"], 400, setting);
        var run = Assert.Single(plan.DistinctRuns());
        var data = RunData.For(run, plan);
        Assert.Equal(60, data.Test!.Count);
        var result = ExperimentRunner.Train(run, data, plan, null, CancellationToken.None)!;
        Assert.Equal(140, result.Predictions.Length);
        Assert.Equal(60, result.TestPoints);
        Assert.Equal(60, result.TestPredictions.Length);
        var expected = data.Test.Labels.Select((label, k) => Classification.IsCorrect(result.TestPredictions[k], label) ? 1.0 : 0).Average();
        Assert.Equal(expected, result.HeldOutAccuracy);
        Assert.True(result.HeldOutAccuracy > 0.9, $"held-out accuracy {result.HeldOutAccuracy}");
        Assert.True(result.HeldOutLoss is > 0 and < 0.1);
        Assert.NotNull(result.TestCurve);
        Assert.Equal(result.Epochs, result.TestCurve.Epochs[^1]);
        Assert.Equal(result.Curve.Epochs, result.TestCurve.Epochs);
        Assert.Equal(result.HeldOutLoss!.Value, result.TestCurve.Losses[^1], 12);
        var row = ResultsTable.Build(plan, new Dictionary<string, RunResult> { [run.Id] = result }).Rows.Single();
        var cells = ExperimentTestData.CsvCells(ResultsTable.CsvLine(row, result).TrimEnd('\n'));
        var header = ResultsTable.CsvHeader.Split(',');
        Assert.Equal(header.Length, cells.Count);
        string Cell(string column) => cells[Array.IndexOf(header, column)];
        Assert.Equal("200", Cell("points"));
        Assert.Equal("0.3", Cell("test_ratio"));
        Assert.Equal("60", Cell("test_points"));
        Assert.Equal(result.HeldOutAccuracy!.Value, double.Parse(Cell("test_accuracy"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(result.HeldOutLoss!.Value, double.Parse(Cell("test_set_loss"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("x0,x1", Cell("features"));
        var markdown = ResultsTable.Build(plan, new Dictionary<string, RunResult> { [run.Id] = result }).MarkdownFor(plan.Experiments[0]);
        Assert.Contains("| test loss | test accuracy |", markdown);
        Assert.Contains($"| {NeuronSim.Network.Formatting.Numbers.Percent(result.HeldOutAccuracy.Value)} |", markdown);
    }

    [Fact]
    public void A_run_without_a_test_ratio_leaves_the_test_columns_empty()
    {
        var plan = PlanOn(["xor"], 20, Lab);
        var run = Assert.Single(plan.DistinctRuns());
        var result = ExperimentRunner.Train(run, RunData.For(run, plan), plan, null, CancellationToken.None)!;
        Assert.Null(result.HeldOutAccuracy);
        Assert.Null(result.TestCurve);
        var row = ResultsTable.Build(plan, new Dictionary<string, RunResult> { [run.Id] = result }).Rows.Single();
        var cells = ExperimentTestData.CsvCells(ResultsTable.CsvLine(row, result).TrimEnd('\n'));
        Assert.Equal(["21", "0", "x0,x1", "0", "0", "", ""], cells.TakeLast(7).ToArray());
    }

    [Fact]
    public void The_prediction_grid_spans_the_data_bounds_and_keeps_the_unit_square_for_the_lab()
    {
        var (x0, x1) = PredictionGrid.Points(DataBounds.UnitSquare);
        Assert.Equal(-0.1, x0.Min(), 12);
        Assert.Equal(1.1, x1.Max(), 12);
        var circle = DataSets.ByName("circle");
        var (c0, c1) = PredictionGrid.Points(circle.Bounds);
        Assert.True(c0.Min() < circle.X0.Min() && c0.Max() > circle.X0.Max());
        Assert.True(c1.Min() < circle.X1.Min() && c1.Max() > circle.X1.Max());
    }

    [Fact]
    public void A_circle_runs_grid_predicts_the_disc_inside_and_the_ring_outside()
    {
        var setting = Read("""{ "data": "circle", "hidden": [4, 4], "activations": ["tanh"], "learningRate": 0.01, "optimizer": "adam" }""");
        var plan = PlanOn(["xor"], 2000, setting);
        var run = Assert.Single(plan.DistinctRuns());
        var result = ExperimentRunner.Train(run, RunData.For(run, plan), plan, null, CancellationToken.None)!;
        Assert.True(result.Accuracy > 0.95);
        const int n = PredictionGrid.Size;
        Assert.Equal(1, Classification.Predicted(result.Grid[n / 2 * n + n / 2]));
        Assert.Equal(0, Classification.Predicted(result.Grid[0]));
        Assert.Equal(0, Classification.Predicted(result.Grid[n * n - 1]));
    }

    [Fact]
    public void The_datasets_experiment_runs_every_built_in_set()
    {
        var preset = ExperimentTestData.Lab("datasets");
        Assert.Equal(DataSets.Names, preset.Settings.Select(s => s.Data).ToArray());
        var plan = PlanOn(["xor", "linear"], 10, [.. preset.Settings]) with { Experiments = [preset] };
        Assert.Equal(DataSets.Names, plan.DistinctRuns().Select(r => r.DataSet).ToArray());
        Assert.Equal(0.3, preset.Settings.Single(s => s.Data == "spiral").TestRatio);
    }
}
