using NeuronSim.Ecs;
using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

public class WatchControllerTests
{
    private static WatchController Paused(int speed = 20) =>
        new(new NetworkSpec(), "xor", 100, new TrainingOptions(), playing: false, epochsPerFrame: speed);

    private static KeyPress Press(Key key, bool shift = false) => new(key, shift);

    private static double[] Weights(TrainingSimulation simulation)
    {
        var values = new List<double>();
        var synapses = new QueryDescription().WithAll<Synapse, Weight>();
        simulation.World.Query(in synapses, (ref Synapse _, ref Weight w) => values.Add(w.Value));
        return values.ToArray();
    }

    [Fact]
    public void N_and_Right_advance_exactly_one_epoch()
    {
        using var controller = Paused();
        controller.Handle(Press(Key.N));
        Assert.Equal(1, controller.Simulation.Epoch);
        controller.Handle(Press(Key.Right));
        Assert.Equal(2, controller.Simulation.Epoch);
        controller.Handle(Press(Key.N, shift: true));
        Assert.Equal(3, controller.Simulation.Epoch);
    }

    [Fact]
    public void Shift_Right_advances_exactly_100_epochs()
    {
        using var controller = Paused();
        controller.Handle(Press(Key.Right, shift: true));
        Assert.Equal(100, controller.Simulation.Epoch);
        controller.Handle(Press(Key.Right, shift: true));
        Assert.Equal(200, controller.Simulation.Epoch);
    }

    [Fact]
    public void Paused_nothing_moves_and_Space_toggles_play()
    {
        using var controller = Paused(speed: 20);
        Assert.Equal(0, controller.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, controller.Simulation.Epoch);

        controller.Handle(Press(Key.Space));
        Assert.True(controller.Playing);
        Assert.Equal(20, controller.Advance(TimeSpan.FromSeconds(10)));
        Assert.Equal(20, controller.Simulation.Epoch);

        controller.Handle(Press(Key.Space));
        Assert.False(controller.Playing);
        Assert.Equal(0, controller.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(20, controller.Simulation.Epoch);
    }

    [Fact]
    public void Training_in_a_frame_stops_at_the_time_budget()
    {
        using var controller = new WatchController(new NetworkSpec { Hidden = [100, 100] }, "xor", 100, new TrainingOptions(), playing: true, epochsPerFrame: 10000);
        var done = controller.Advance(TimeSpan.FromMilliseconds(5));
        Assert.InRange(done, 1, 9999);
        Assert.Equal(done, controller.Simulation.Epoch);
    }

    [Fact]
    public void R_resets_to_epoch_0_with_different_weights()
    {
        using var controller = Paused();
        var initial = Weights(controller.Simulation);
        controller.StepEpochs(50);
        var seed = controller.Seed;

        controller.Handle(Press(Key.R));

        Assert.Equal(0, controller.Simulation.Epoch);
        Assert.Empty(controller.Simulation.Context.LossHistory);
        Assert.Equal(seed + 1, controller.Seed);
        var reset = Weights(controller.Simulation);
        Assert.Equal(initial.Length, reset.Length);
        Assert.NotEqual(initial, reset);
    }

    [Fact]
    public void Speed_stays_between_1_and_10000_epochs_per_frame()
    {
        using var controller = Paused(speed: 20);
        controller.Handle(Press(Key.Up));
        Assert.Equal(50, controller.EpochsPerFrame);
        for (var i = 0; i < 30; i++) controller.Handle(Press(Key.Up));
        Assert.Equal(10000, controller.EpochsPerFrame);
        for (var i = 0; i < 30; i++) controller.Handle(Press(Key.Down));
        Assert.Equal(1, controller.EpochsPerFrame);
    }

    [Fact]
    public void Training_goes_on_past_convergence_and_remembers_the_epoch()
    {
        using var controller = Paused();
        Assert.Equal(6000, controller.StepEpochs(6000));
        Assert.Equal(6000, controller.Simulation.Epoch);
        Assert.NotNull(controller.ConvergedAt);
        Assert.InRange(controller.ConvergedAt!.Value, 100, 6000);
        Assert.True(controller.Simulation.Loss < 0.005);
    }

    [Fact]
    public void Other_keys_toggle_views_switch_data_request_screenshots_and_quit()
    {
        using var controller = Paused();
        controller.Handle(Press(Key.B));
        Assert.False(controller.View.ShowBoundary);
        controller.Handle(Press(Key.H));
        Assert.True(controller.View.ShowHelp);

        foreach (var name in DataSets.Names.Skip(1).Append(DataSets.Names[0]))
        {
            controller.Handle(Press(Key.D));
            Assert.Equal(name, controller.Simulation.Data.Name);
        }

        Assert.False(controller.TakeScreenshotRequest());
        controller.Handle(Press(Key.S));
        Assert.True(controller.TakeScreenshotRequest());
        Assert.False(controller.TakeScreenshotRequest());

        Assert.False(controller.QuitRequested);
        controller.Handle(Press(Key.Q));
        Assert.True(controller.QuitRequested);
        using var other = Paused();
        other.Handle(Press(Key.Escape));
        Assert.True(other.QuitRequested);
    }

    [Fact]
    public void Key_map_covers_every_documented_key()
    {
        Assert.Equal(LiveCommand.TogglePlay, KeyMap.ToCommand(Press(Key.Space)));
        Assert.Equal(LiveCommand.StepOne, KeyMap.ToCommand(Press(Key.Right)));
        Assert.Equal(LiveCommand.StepOne, KeyMap.ToCommand(Press(Key.N)));
        Assert.Equal(LiveCommand.StepHundred, KeyMap.ToCommand(Press(Key.Right, shift: true)));
        Assert.Equal(LiveCommand.Faster, KeyMap.ToCommand(Press(Key.Up)));
        Assert.Equal(LiveCommand.Slower, KeyMap.ToCommand(Press(Key.Down)));
        Assert.Equal(LiveCommand.Reset, KeyMap.ToCommand(Press(Key.R)));
        Assert.Equal(LiveCommand.NextDataSet, KeyMap.ToCommand(Press(Key.D)));
        Assert.Equal(LiveCommand.ToggleBoundary, KeyMap.ToCommand(Press(Key.B)));
        Assert.Equal(LiveCommand.Screenshot, KeyMap.ToCommand(Press(Key.S)));
        Assert.Equal(LiveCommand.ToggleHelp, KeyMap.ToCommand(Press(Key.H)));
        Assert.Equal(LiveCommand.Quit, KeyMap.ToCommand(Press(Key.Escape)));
        Assert.Equal(LiveCommand.Quit, KeyMap.ToCommand(Press(Key.Q)));
        Assert.Equal(LiveCommand.None, KeyMap.ToCommand(Press(Key.Left)));
    }
}
