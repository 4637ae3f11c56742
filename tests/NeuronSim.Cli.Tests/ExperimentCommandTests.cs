using SkiaSharp;

namespace NeuronSim.Cli.Tests;

public class ExperimentCommandTests
{
    private static readonly string[] Columns = ("experiment,section,data,setting,hidden,activation,learning_rate,bias,seed,status,epochs,epochs_to_converge,diverged_at_epoch,plateau_since_epoch,final_loss,test_loss,accuracy,wall_time_s,"
        + "loss,optimizer,momentum,beta1,beta2,eps,alpha,l1,l2,batch_size,leak,points,noise,features,test_ratio,test_points,test_set_loss,test_accuracy").Split(',');

    [Fact]
    public void A_small_experiment_writes_every_file()
    {
        var directory = TempDirectory();
        try
        {
            var result = Neuronsim("experiment", "lr", "--max-epochs", "300", "--out", directory);

            Assert.Equal(0, result.ExitCode);
            foreach (var file in new[] { "REPORT.md", "results.csv", "results.md", "plan.json" })
            {
                Assert.True(File.Exists(Path.Combine(directory, file)), $"{file} is missing");
            }
            var csv = File.ReadAllLines(Path.Combine(directory, "results.csv"));
            Assert.Equal(Columns, csv[0].Split(','));
            Assert.Equal(1 + 5 * 2, csv.Length);
            Assert.Equal(5, csv.Count(line => line.Contains(",xor,")));
            Assert.Equal(5, csv.Count(line => line.Contains(",linear,")));
            Assert.Equal(10, Directory.GetFiles(Path.Combine(directory, "runs"), "*.json").Length);

            foreach (var dataSet in new[] { "xor", "linear" })
            {
                AssertPng(Path.Combine(directory, "figures", $"lr-{dataSet}-curves.png"), 1280, 560);
                AssertPng(Path.Combine(directory, "figures", $"lr-{dataSet}-lr-1-compare.png"), 1000, 500);
            }
            var report = File.ReadAllText(Path.Combine(directory, "REPORT.md"));
            Assert.Contains("## 4.1 Different learning rates", report);
            Assert.Contains("## Settings used", report);
            Assert.Contains("figures/lr-xor-curves.png", report);
            Assert.Contains("figures/lr-linear-curves.png", report);
            foreach (var figure in Directory.GetFiles(Path.Combine(directory, "figures")))
            {
                Assert.Contains("figures/" + Path.GetFileName(figure), report);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_optimizers_experiment_runs_and_its_report_lists_each_optimizer()
    {
        var directory = TempDirectory();
        try
        {
            var result = Neuronsim("experiment", "optimizers", "--data", "xor", "--max-epochs", "50", "--out", directory);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("xor (4,4) sigmoid lr 0.01, adam seed 1", result.Stdout);
            var report = File.ReadAllText(Path.Combine(directory, "REPORT.md"));
            Assert.Contains("## 5.1 Optimizers beyond plain gradient descent", report);
            Assert.Contains("| adam (beta1 0.9, beta2 0.999, eps 1e-08) |", report);
            Assert.Contains("| rmsprop (alpha 0.99, eps 1e-08) |", report);
            Assert.Equal(4, Directory.GetFiles(Path.Combine(directory, "runs"), "*.safetensors").Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_experiment_lists_the_ones_beyond_the_lab_too()
    {
        var result = Neuronsim("experiment", "adagrad");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown experiment 'adagrad' (expected baseline, lr, hidden, no-activation, optimizers, batch, datasets or all)", result.Stderr);
    }

    [Fact]
    public void Resume_skips_the_runs_already_saved()
    {
        var directory = TempDirectory();
        try
        {
            var first = Neuronsim("experiment", "baseline", "--max-epochs", "200", "--seeds", "2", "--out", directory);
            Assert.Equal(0, first.ExitCode);
            var runs = Path.Combine(directory, "runs");
            var files = Directory.GetFiles(runs, "*.json").Order().ToArray();
            Assert.Equal(4, files.Length);
            Assert.Equal(4, Directory.GetFiles(runs, "*.safetensors").Length);
            File.Delete(files[0]);
            var kept = files.Skip(1).ToDictionary(f => f, File.ReadAllText);

            var again = Neuronsim("experiment", "--resume", directory);

            Assert.Equal(0, again.ExitCode);
            Assert.Equal(3, again.Stdout.Split('\n').Count(line => line.Contains("skip")));
            Assert.Single(again.Stdout.Split('\n'), line => line.Contains("done "));
            Assert.True(File.Exists(files[0]));
            Assert.All(kept, pair => Assert.Equal(pair.Value, File.ReadAllText(pair.Key)));
            Assert.Equal(5, File.ReadAllLines(Path.Combine(directory, "results.csv")).Length);
            Assert.True(File.Exists(Path.Combine(directory, "summary.csv")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_malformed_preset_is_a_one_line_error_with_exit_2_and_nothing_runs()
    {
        var directory = TempDirectory();
        try
        {
            var preset = Path.Combine(directory, "bad.json");
            File.WriteAllText(preset, """{ "name": "bad", "title": "Bad", "settings": [ { "hidden": [4, 4], "activation": "softmax", "learningRate": 1 } ] }""");
            var output = Path.Combine(directory, "out");

            var result = Neuronsim("experiment", "--preset", preset, "--out", output);

            Assert.Equal(2, result.ExitCode);
            var error = result.Stderr.Trim();
            Assert.DoesNotContain('\n', error);
            Assert.StartsWith("error: ", error);
            Assert.Contains("bad.json", error);
            Assert.Contains("settings[0].activation", error);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_experiment_is_a_usage_error()
    {
        var result = Neuronsim("experiment", "momentum");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown experiment 'momentum'", result.Stderr);
    }

    [Fact]
    public void A_users_preset_runs_and_a_diverging_setting_is_a_result()
    {
        var directory = TempDirectory();
        try
        {
            var preset = Path.Combine(directory, "mine.json");
            File.WriteAllText(preset, """{ "name": "mine", "title": "Mine", "settings": [ { "label": "identity lr 1e6", "hidden": [4, 4], "activation": "identity", "learningRate": 1e6 } ] }""");
            var output = Path.Combine(directory, "out");

            var result = Neuronsim("experiment", "--preset", preset, "--data", "xor", "--max-epochs", "500", "--out", output);

            Assert.Equal(0, result.ExitCode);
            var csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
            Assert.Equal(2, csv.Length);
            Assert.Matches(",diverged,([0-9]+),,\\1,,", csv[1]);
            AssertPng(Path.Combine(output, "figures", "mine-xor-curves.png"), 1280, 560);
            Assert.Contains("**Diverged**", File.ReadAllText(Path.Combine(output, "REPORT.md")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CliResult Neuronsim(params string[] args) => CliRunner.Run(args, timeout: TimeSpan.FromMinutes(3));

    private static void AssertPng(string path, int width, int height)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4) colours.Add((uint)bitmap.GetPixel(x, y));
        }
        Assert.True(colours.Count > 10, $"{path} is blank");
    }

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "neuronsim-cli-exp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
