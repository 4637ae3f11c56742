using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>The live batch size (Z, Shift+Z), regularization (J) and regularization rate (; and ') without a window.</summary>
public class WatchSettingsTests : LoggedControllerTests
{
    [Fact]
    public void Z_steps_the_batch_size_down_and_Shift_Z_up_keeping_the_weights_andActionLogs_each()
    {
        using var controller = Controller(); // xor: 21 training points
        controller.StepEpochs(10);
        var weights = WeightsOf(controller.Simulation);
        Assert.Equal("full", controller.BatchSizeText);
        controller.Handle(Press(Key.Z));
        Assert.Equal(16, controller.Simulation.Options.BatchSize);
        Assert.Equal(16, controller.Simulation.Context.Schedule.BatchSize);
        Assert.Equal("16", controller.BatchSizeText);
        Assert.Equal(weights, WeightsOf(controller.Simulation));
        Assert.Equal("epoch 10: batch size 16 (2-4-4-1)", LogLines[^1]);
        Assert.Equal(10, controller.Simulation.Epoch); // training goes on from where it was
        Assert.Equal(2, controller.StepEpochs(2));
        var schedule = controller.Simulation.Context.Schedule; // each epoch: a batch of 16, then one of 5
        Assert.Equal((16, 5), (schedule.Start, schedule.Count));

        controller.Handle(Press(Key.Z));
        Assert.Equal(8, controller.Simulation.Options.BatchSize);
        controller.Handle(Press(Key.Z, shift: true));
        controller.Handle(Press(Key.Z, shift: true));
        Assert.Equal(0, controller.Simulation.Options.BatchSize);
        Assert.True(controller.Simulation.Context.Schedule.FullBatch);
        Assert.Equal("epoch 12: batch size full (2-4-4-1)", LogLines[^1]);
        var lines = LogLines.Length;
        controller.Handle(Press(Key.Z, shift: true));
        Assert.Equal("batch size is already the full batch", controller.Message);
        Assert.Equal(lines, LogLines.Length);
        for (var i = 0; i < 8; i++) controller.Handle(Press(Key.Z));
        Assert.Equal(1, controller.Simulation.Options.BatchSize);
        Assert.Equal("batch size is already 1", controller.Message);
        Assert.Equal(["16", "8", "4", "2", "1"], LogLines[^5..].Select(l => l.Split("batch size ")[1].Split(' ')[0]));
    }

    [Fact]
    public void J_cycles_none_L1_L2_none_rebuilding_with_the_regularization_system_andActionLogs_each()
    {
        using var controller = Controller();
        controller.StepEpochs(5);
        var weights = WeightsOf(controller.Simulation);
        Assert.Equal(RegularizationKind.None, controller.Regularization);
        Assert.DoesNotContain("Regularization", controller.Simulation.Pipeline.SystemNames);
        controller.Handle(Press(Key.J));
        Assert.Equal(RegularizationKind.L1, controller.Regularization);
        Assert.Equal((0.001, 0.0), (controller.Simulation.Options.L1, controller.Simulation.Options.L2));
        Assert.Contains("Regularization", controller.Simulation.Pipeline.SystemNames);
        Assert.Equal(weights, WeightsOf(controller.Simulation));
        Assert.Equal("epoch 5: regularization L1 0.001 (2-4-4-1)", LogLines[^1]);
        Assert.Equal(5, controller.Simulation.Epoch);
        controller.StepEpochs(1);
        Assert.True(controller.Simulation.Context.Penalty > 0);
        controller.Handle(Press(Key.J));
        Assert.Equal((0.0, 0.001), (controller.Simulation.Options.L1, controller.Simulation.Options.L2));
        Assert.Equal("epoch 6: regularization L2 0.001 (2-4-4-1)", LogLines[^1]);
        controller.Handle(Press(Key.J));
        Assert.Equal(RegularizationKind.None, controller.Regularization);
        Assert.False(controller.Simulation.Options.Regularized);
        Assert.DoesNotContain("Regularization", controller.Simulation.Pipeline.SystemNames);
        Assert.Equal("epoch 6: regularization none (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void Apostrophe_and_semicolon_scale_the_regularization_rate_in_place_andActionLog_it()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.Apostrophe)); // no regularization yet: the rate J will use
        Assert.Equal(0.001 * Math.Sqrt(10), controller.RegularizationRate, 12);
        Assert.Equal("epoch 0: regularization rate 0.003162 (J turns regularization on) (2-4-4-1)", LogLines[^1]);
        Assert.False(controller.Simulation.Options.Regularized);
        controller.Handle(Press(Key.J));
        controller.Handle(Press(Key.J));
        Assert.Equal(0.003162277660168, controller.Simulation.Options.L2, 12);
        controller.StepEpochs(3);
        var simulation = controller.Simulation;
        controller.Handle(Press(Key.Apostrophe));
        Assert.Same(simulation, controller.Simulation); // in place: the epoch count goes on
        Assert.Equal(0.01, controller.Simulation.Options.L2, 12);
        Assert.Equal("epoch 3: regularization rate 0.01 (2-4-4-1)", LogLines[^1]);
        controller.StepEpochs(1);
        double squares = WeightsOf(controller.Simulation).Sum(w => w * w);
        Assert.True(controller.Simulation.Context.Penalty > 0.01 / 2 * squares * 0.9, $"penalty {controller.Simulation.Context.Penalty} is not at rate 0.01");
        controller.Handle(Press(Key.Semicolon));
        controller.Handle(Press(Key.Semicolon));
        Assert.Equal(0.001, controller.Simulation.Options.L2, 12);
        Assert.Equal("epoch 4: regularization rate 0.001 (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void The_new_keys_are_in_the_key_table()
    {
        Assert.Equal(LiveCommand.BatchSmaller, KeyMap.ToCommand(Press(Key.Z)));
        Assert.Equal(LiveCommand.BatchLarger, KeyMap.ToCommand(Press(Key.Z, shift: true)));
        Assert.Equal(LiveCommand.CycleRegularization, KeyMap.ToCommand(Press(Key.J)));
        Assert.Equal(LiveCommand.RegularizationRateUp, KeyMap.ToCommand(Press(Key.Apostrophe)));
        Assert.Equal(LiveCommand.RegularizationRateDown, KeyMap.ToCommand(Press(Key.Semicolon)));
        var keys = KeyMap.Bindings.SelectMany(b => b.Presses).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
