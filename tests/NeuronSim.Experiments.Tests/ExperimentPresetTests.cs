using NeuronSim.Network.Components;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;

namespace NeuronSim.Experiments.Tests;

public class ExperimentPresetTests
{
    [Fact]
    public void Lab_presets_match_the_lab_settings()
    {
        var baseline = ExperimentTestData.Lab("baseline");
        Assert.Equal("3", baseline.Section);
        var only = Assert.Single(baseline.Settings);
        Assert.Equal([4, 4], only.Hidden);
        Assert.Equal(Activation.Sigmoid, only.Activation);
        Assert.Equal(1.0, only.LearningRate);
        Assert.True(only.UseBias);

        var lr = ExperimentTestData.Lab("lr");
        Assert.Equal("4.1", lr.Section);
        Assert.Equal([1e-6, 1e-2, 1, 10, 1e6], lr.Settings.Select(s => s.LearningRate));
        Assert.All(lr.Settings, s => Assert.Equal([4, 4], s.Hidden));
        Assert.All(lr.Settings, s => Assert.Equal(Activation.Sigmoid, s.Activation));

        var hidden = ExperimentTestData.Lab("hidden");
        Assert.Equal("4.2", hidden.Section);
        Assert.Equal(["1,1", "2,2", "4,4", "10,10", "100,100", "400,400"], hidden.Settings.Select(s => string.Join(',', s.Hidden)));
        Assert.All(hidden.Settings, s => Assert.Equal(1.0, s.LearningRate));

        var none = ExperimentTestData.Lab("no-activation");
        Assert.Equal("4.3", none.Section);
        Assert.Equal([1, 1e-2, 1e-5], none.Settings.Select(s => s.LearningRate));
        Assert.All(none.Settings, s => Assert.Equal(Activation.Identity, s.Activation));
        Assert.All(none.Settings, s => Assert.Equal([4, 4], s.Hidden));
    }

    [Fact]
    public void Labels_and_keys_are_readable()
    {
        var lr = ExperimentTestData.Lab("lr");
        Assert.Equal(["1e-6", "0.01", "1", "10", "1e6"], lr.Settings.Select(s => s.LearningRateText));
        Assert.Equal("h4x4-sigmoid-lr1e6-bias", lr.Settings[4].Key);
    }

    [Theory]
    [InlineData("""{ "title": "t", "settings": [] }""", "name: missing")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [] }""", "settings: the list is empty")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmoid" } ] }""", "settings[0].learningRate: missing")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmoid", "learningRate": "1" } ] }""", "settings[0].learningRate: must be a number, got the string \"1\"")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": "4,4", "activation": "sigmoid", "learningRate": 1 } ] }""", "settings[0].hidden: must be an array")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4, 0], "activation": "sigmoid", "learningRate": 1 } ] }""", "settings[0].hidden[1]: must be a whole number")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmod", "learningRate": 1 } ] }""", "settings[0].activation: unknown activation 'sigmod'")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmoid", "learningRate": -1 } ] }""", "settings[0].learningRate: must be a positive number")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmoid", "learningRate": 1, "lr": 2 } ] }""", "settings[0].lr: unknown field")]
    [InlineData("""{ "name": "x", "title": 5, "settings": [ { "hidden": [4,4], "activation": "sigmoid", "learningRate": 1 } ] }""", "title: must be a string, got the number 5")]
    [InlineData("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4,4], "activation": "sigmoid", "learningRate": 1, "bias": "yes" } ] }""", "settings[0].bias: must be true or false")]
    [InlineData("""{ "name": "x", """, "not valid JSON")]
    public void BadPresetsNameTheFileAndTheField(string json, string expected)
    {
        var error = Assert.Throws<PresetException>(() => PresetReader.Parse(json, "my.json"));
        Assert.StartsWith("my.json: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Optional_fields_take_defaults()
    {
        var preset = PresetReader.Parse("""{ "name": "mine", "title": "Mine", "settings": [ { "hidden": [3], "activation": "tanh", "learningRate": 0.5, "bias": false } ] }""", "mine.json");
        var setting = Assert.Single(preset.Settings);
        Assert.Equal("", preset.Section);
        Assert.Equal([3], setting.Hidden);
        Assert.Equal(Activation.Tanh, setting.Activation);
        Assert.False(setting.UseBias);
        Assert.Equal("(3) tanh lr 0.5, no bias", setting.Label);
    }

    [Fact]
    public void A_missing_file_is_a_preset_error()
    {
        var error = Assert.Throws<PresetException>(() => PresetReader.ReadFile("/nonexistent/preset.json"));
        Assert.Contains("/nonexistent/preset.json", error.Message);
    }
}

/// <summary>Issue 14: preset files that are not small regular JSON files, duplicate keys, overlong names and labels.</summary>
public class PresetFileTests
{
    private const string Setting = """{ "hidden": [4, 4], "activation": "sigmoid", "learningRate": 1 }""";

    [Fact]
    public void A_directory_says_it_is_a_directory()
    {
        var error = Assert.Throws<PresetException>(() => PresetReader.ReadFile(Path.GetTempPath()));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void A_file_over_1_MB_is_refused()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var path = Path.Combine(directory, "big.json");
            File.WriteAllText(path, "{" + new string(' ', 2 * 1024 * 1024) + "}");
            Assert.Contains("larger than 1 MB", Assert.Throws<PresetException>(() => PresetReader.ReadFile(path)).Message);
        });
    }

    [Fact]
    public void Dev_zero_is_not_read_forever()
    {
        var read = Task.Run(() => Assert.Throws<PresetException>(() => PresetReader.ReadFile("/dev/zero")));
        Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "reading /dev/zero did not stop");
        Assert.Contains("is a character device, not a regular file", read.Result.Message);
    }

    [Fact]
    public void A_fifo_without_a_writer_does_not_block()
    {
        RunIdentityTests.WithDirectory(directory =>
        {
            var fifo = Path.Combine(directory, "preset.json");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
            var read = Task.Run(() => Assert.Throws<PresetException>(() => PresetReader.ReadFile(fifo)));
            var finished = read.Wait(TimeSpan.FromSeconds(20));
            if (!finished) using (File.OpenWrite(fifo)) { } // unblock the reader so the test process can end
            Assert.True(finished, "opening a FIFO blocked");
            Assert.Contains(fifo, read.Result.Message);
        });
    }

    [Fact]
    public void A_duplicate_key_is_named()
    {
        var error = Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ {{Setting}} ], "settings": [] }""", "dup.json"));
        Assert.Equal("dup.json: settings: the key appears twice", error.Message);
        error = Assert.Throws<PresetException>(() => PresetReader.Parse("""{ "name": "x", "title": "t", "settings": [ { "hidden": [4], "hidden": [4], "activation": "sigmoid", "learningRate": 1 } ] }""", "dup.json"));
        Assert.Contains("settings[0].hidden: the key appears twice", error.Message);
    }

    [Fact]
    public void Overlong_names_labels_and_titles_are_refused()
    {
        var name = new string('n', 5000);
        Assert.Contains("name: must be 1 to 64", Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "{{name}}", "title": "t", "settings": [ {{Setting}} ] }""", "p.json")).Message);
        var label = new string('l', 100_000);
        var error = Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "x", "title": "t", "settings": [ { "label": "{{label}}", "hidden": [4], "activation": "sigmoid", "learningRate": 1 } ] }""", "p.json"));
        Assert.Contains("settings[0].label: at most 80 characters", error.Message);
        Assert.True(error.Message.Length < 200);
        Assert.Contains("title: must be a string of at most 200", Assert.Throws<PresetException>(() => PresetReader.Parse($$"""{ "name": "x", "title": "{{label}}", "settings": [ {{Setting}} ] }""", "p.json")).Message);
    }
}
