using NeuronSim.Live;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>The live view's data: D, noise and test-ratio keys, the probe on the data's bounds, and snapshot's --save/--load.</summary>
public class WatchDataTests
{
    private static WatchController On(DataChoice data) =>
        new(new NetworkSpec { Hidden = [3, 2] }, data, new TrainingOptions { LearningRate = 0.5 }, playing: false);

    [Fact]
    public void D_cycles_every_built_in_set_at_its_default_size_keeping_noise_and_test_ratio()
    {
        using var controller = On(new DataChoice("xor", Points: 50, Noise: 0.2, TestRatio: 0.3));
        var seen = new List<string>();
        foreach (var _ in DataSets.All)
        {
            controller.Handle(new KeyPress(Key.D, false));
            var entry = DataSets.Entry(controller.Data.Name);
            seen.Add(entry.Name);
            Assert.Null(controller.Data.Points);
            Assert.Equal(0.2, controller.Data.Noise);
            Assert.Equal(0.3, controller.Data.TestRatio);
            var split = DataSplit.Split(entry.Generate(null, 0.2, DataSets.DefaultSeed), 0.3, DataSets.DefaultSeed);
            Assert.Equal(split.Train.Count, controller.Simulation.Data.Count);
            Assert.Equal(split.Test.Count, controller.Simulation.Test!.Count);
            Assert.Equal([3, 2, 1], controller.Simulation.Spec.Hidden.Append(1));
        }
        Assert.Equal(DataSets.Names.Skip(1).Append("xor"), seen);
    }

    [Fact]
    public void M_and_Shift_M_change_the_noise_and_rebuild_the_run_on_noisier_points()
    {
        using var controller = On(new DataChoice("spiral", Points: 100));
        var clean = controller.Simulation.Data.X0.ToArray();
        controller.StepEpochs(3);
        controller.Handle(new KeyPress(Key.M, false));
        Assert.Equal(0.05, controller.Data.Noise);
        Assert.Equal(0, controller.Simulation.Epoch);
        Assert.NotEqual(clean, controller.Simulation.Data.X0);
        for (var i = 0; i < 20; i++) controller.Handle(new KeyPress(Key.M, false));
        Assert.Equal(DataSets.MaxNoise, controller.Data.Noise);
        controller.Handle(new KeyPress(Key.M, true));
        Assert.Equal(0.45, controller.Data.Noise);
        Assert.Contains("noise 0.45", controller.Message);
    }

    [Fact]
    public void T_and_Shift_T_change_the_held_out_fraction()
    {
        using var controller = On(new DataChoice("gauss", Points: 200));
        Assert.Null(controller.Simulation.Test);
        controller.Handle(new KeyPress(Key.T, false));
        controller.Handle(new KeyPress(Key.T, false));
        Assert.Equal(0.2, controller.Data.TestRatio);
        Assert.Equal(40, controller.Simulation.Test!.Count);
        Assert.Equal(160, controller.Simulation.Data.Count);
        for (var i = 0; i < 3; i++) controller.Handle(new KeyPress(Key.T, true));
        Assert.Equal(0, controller.Data.TestRatio);
        Assert.Null(controller.Simulation.Test);
        Assert.Contains("test = training set", controller.Message);
    }

    [Fact]
    public void The_new_keys_are_in_the_one_table_the_help_and_footer_read()
    {
        Assert.Equal(LiveCommand.NoiseUp, KeyMap.ToCommand(new KeyPress(Key.M, false)));
        Assert.Equal(LiveCommand.NoiseDown, KeyMap.ToCommand(new KeyPress(Key.M, true)));
        Assert.Equal(LiveCommand.TestRatioUp, KeyMap.ToCommand(new KeyPress(Key.T, false)));
        Assert.Equal(LiveCommand.TestRatioDown, KeyMap.ToCommand(new KeyPress(Key.T, true)));
        using var controller = On(new DataChoice("xor"));
        Assert.Equal(KeyMap.Bindings.Count, controller.View.Keys.Count);
        Assert.Contains(controller.View.Keys, k => k.Keys == "Shift+M" && k.What.Contains("noise"));
        Assert.Contains("test ratio", controller.View.KeyFooter);
        // Every command has a key, but choosing one data set (it takes the set as its argument): the panel's data set buttons do that.
        foreach (var command in Enum.GetValues<LiveCommand>().Where(c => c is not (LiveCommand.None or LiveCommand.ChooseDataSet)))
            Assert.Contains(KeyMap.Bindings, b => b.Command == command);
        Assert.Equal(DataSets.Names.Length, PanelControls.Controls.SelectMany(c => c.Buttons).Count(b => b.Command == LiveCommand.ChooseDataSet));
    }

    [Fact]
    public void The_probe_maps_the_mouse_to_the_datas_bounds()
    {
        using var controller = On(new DataChoice("spiral"));
        var layout = FrameLayout.For(1280, 800, withPanel: true);
        var plot = DecisionBoundaryRenderer.PlotArea(layout.Boundary);
        controller.PointAt(((int)plot.MidX, (int)plot.MidY), 1280, 800);
        var bounds = controller.Simulation.Data.Bounds;
        var (x0, x1) = controller.Probe!.Value;
        Assert.InRange(x0, (bounds.MinX0 + bounds.MaxX0) / 2 - 0.1, (bounds.MinX0 + bounds.MaxX0) / 2 + 0.1);
        Assert.InRange(x1, (bounds.MinX1 + bounds.MaxX1) / 2 - 0.1, (bounds.MinX1 + bounds.MaxX1) / 2 + 0.1);
        controller.PointAt(((int)plot.Left + 1, (int)plot.Top + 1), 1280, 800);
        Assert.True(controller.Probe!.Value.X0 < bounds.MinX0 && controller.Probe!.Value.X1 > bounds.MaxX1);
    }

    [Fact]
    public void Snapshot_takes_the_data_options_saves_the_run_and_loads_it_again()
    {
        var dir = Directory.CreateTempSubdirectory("neuronsim-snap-");
        try
        {
            var run = Path.Combine(dir.FullName, "run.safetensors");
            var first = CliRunner.Run("snapshot", "--data", "circle", "--points", "120", "--test-ratio", "0.25", "--hidden", "5",
                "--activation", "tanh", "--lr", "0.3", "--epochs", "40", "--out", Path.Combine(dir.FullName, "a.png"), "--save", run);
            Assert.Equal(0, first.ExitCode);
            Assert.Contains($"saved epoch 40 to {run}", first.Stdout);
            Assert.True(File.Exists(run));

            var second = CliRunner.Run("snapshot", "--load", run, "--epochs", "10", "--out", Path.Combine(dir.FullName, "b.png"));
            Assert.Equal(0, second.ExitCode);
            Assert.Matches(@"(?m)^epoch 50: ", second.Stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Watch_and_snapshot_refuse_bad_data_options_with_exit_2()
    {
        var result = CliRunner.Run("snapshot", "--data", "spiral", "--test-ratio", "1.5", "--epochs", "1", "--out", "x.png");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--test-ratio", result.Stderr);
    }
}
