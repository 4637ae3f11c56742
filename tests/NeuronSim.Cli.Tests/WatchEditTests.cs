using NeuronSim.Ecs;
using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>Changing the network while it learns: every edit key, the action log, the selection.</summary>
public class WatchEditTests : LoggedControllerTests
{
    [Fact]
    public void Plus_adds_a_neuron_to_the_selected_layerActionLogs_it_and_training_goes_on()
    {
        using var controller = Controller();
        controller.StepEpochs(12);
        controller.Handle(Press(Key.Plus));
        Assert.Equal([5, 4], controller.Simulation.Spec.Hidden);
        Assert.Equal("epoch 12: layer 1 +1 neuron (2-5-4-1)", LogLines.Single());
        Assert.Equal(3, controller.StepEpochs(3));
        Assert.Equal(15, controller.Simulation.Epoch);
        controller.Handle(Press(Key.EqualsSign, shift: true)); // '+' on a US keyboard
        controller.Handle(Press(Key.Minus));
        controller.Handle(Press(Key.Minus));
        Assert.Equal([4, 4], controller.Simulation.Spec.Hidden);
        Assert.Equal("epoch 15: layer 1 -1 neuron (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void Tab_cycles_the_selected_layer_and_the_hovered_layer_wins()
    {
        using var controller = Controller();
        Assert.Equal(1, controller.View.SelectedLayer);
        controller.Handle(Press(Key.Tab));
        Assert.Equal(2, controller.View.SelectedLayer);
        controller.Handle(Press(Key.Plus));
        Assert.Equal([4, 5], controller.Simulation.Spec.Hidden);
        controller.Handle(Press(Key.Tab));
        Assert.Equal(1, controller.View.SelectedLayer);
        var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
        var neuron = NetworkGraphRenderer.NeuronPosition(area, [2, 4, 5, 1], 2, 0);
        controller.PointAt(((int)neuron.X, (int)neuron.Y), 1280, 800);
        Assert.Equal(2, controller.View.SelectedLayer);
        controller.Handle(Press(Key.Minus));
        Assert.Equal([4, 4], controller.Simulation.Spec.Hidden);
        Assert.Equal("epoch 0: layer 2 -1 neuron (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void L_adds_a_layer_after_the_selected_one_and_Shift_L_removes_it()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.L));
        Assert.Equal([4, 4, 4], controller.Simulation.Spec.Hidden);
        Assert.Equal("epoch 0: new layer 2 after layer 1 (2-4-4-4-1)", LogLines[^1]);
        Assert.Equal(2, controller.View.SelectedLayer);
        controller.Handle(Press(Key.L, shift: true));
        Assert.Equal([4, 4], controller.Simulation.Spec.Hidden);
        Assert.Equal("epoch 0: removed layer 2 (2-4-4-1)", LogLines[^1]);
        Assert.Equal(1, controller.StepEpochs(1));
    }

    [Fact]
    public void A_click_selects_an_edge_and_Delete_prunes_it()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.Delete));
        Assert.Contains("click an edge", controller.Message);
        Assert.Empty(LogLines);
        controller.ClickAt(MidpointOf([2, 4, 4, 1], 1, 3, 3), 1280, 800);
        Assert.Equal(GraphTarget.Edge(1, 3, 3), controller.View.Selected);
        controller.Handle(Press(Key.Delete));
        Assert.Equal(Entity.Null, controller.Simulation.Topology.WeightEntityOrNull(2, 3, 3));
        Assert.Equal("epoch 0: pruned edge hidden 1.3 -> hidden 2.3 (2-4-4-1)", LogLines[^1]);
        Assert.Null(controller.View.Selected);
        Assert.Equal(5, controller.StepEpochs(5));
    }

    [Fact]
    public void F_freezes_and_unfreezes_the_hovered_edge_or_neuron()
    {
        using var controller = Controller();
        controller.PointAt(MidpointOf([2, 4, 4, 1], 0, 0, 0), 1280, 800);
        controller.Handle(Press(Key.F));
        var weight = controller.Simulation.Topology.WeightEntity(1, 0, 0);
        Assert.True(controller.Simulation.World.Has<Frozen>(weight));
        Assert.Equal("epoch 0: froze edge x0 -> hidden 1.0 (2-4-4-1)", LogLines[^1]);
        var before = controller.Simulation.World.Get<Weight>(weight).Value;
        controller.StepEpochs(3);
        Assert.Equal(before, controller.Simulation.World.Get<Weight>(weight).Value);
        controller.Handle(Press(Key.F));
        Assert.False(controller.Simulation.World.Has<Frozen>(weight));
        var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
        var neuron = NetworkGraphRenderer.NeuronPosition(area, [2, 4, 4, 1], 2, 1);
        controller.PointAt(((int)neuron.X, (int)neuron.Y), 1280, 800);
        controller.Handle(Press(Key.F));
        Assert.True(controller.Simulation.World.Has<Frozen>(controller.Simulation.Topology.Layers[2].Neurons[1]));
        Assert.Equal("epoch 3: froze hidden 2.1 (its bias) (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void Brackets_change_the_learning_rate_by_about_three_live()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.RightBracket));
        Assert.Equal(Math.Sqrt(10), controller.Simulation.Options.LearningRate, 1e-9);
        controller.Handle(Press(Key.RightBracket));
        Assert.Equal(10, controller.Simulation.Options.LearningRate, 1e-9);
        controller.Handle(Press(Key.LeftBracket));
        controller.Handle(Press(Key.LeftBracket));
        controller.Handle(Press(Key.LeftBracket));
        Assert.Equal(1 / Math.Sqrt(10), controller.Simulation.Options.LearningRate, 1e-9);
        Assert.Equal("epoch 0: learning rate 0.3162 (2-4-4-1)", LogLines[^1]);
    }

    [Fact]
    public void O_cycles_the_optimizer_keeping_every_weight_pruned_edge_and_frozen_flag()
    {
        using var controller = Controller();
        controller.StepEpochs(20);
        controller.ClickAt(MidpointOf([2, 4, 4, 1], 1, 0, 0), 1280, 800);
        controller.Handle(Press(Key.Delete));
        controller.PointAt(MidpointOf([2, 4, 4, 1], 2, 1, 0), 1280, 800);
        controller.Handle(Press(Key.F));
        var before = controller.Simulation.Topology.Weights.ToArray();
        controller.Handle(Press(Key.O));
        var simulation = controller.Simulation;
        Assert.Equal(OptimizerKind.Momentum, simulation.Options.Optimizer.Kind);
        Assert.Equal(before, simulation.Topology.Weights);
        Assert.Equal(Entity.Null, simulation.Topology.WeightEntityOrNull(2, 0, 0));
        Assert.True(simulation.World.Has<Frozen>(simulation.Topology.WeightEntity(3, 1, 0)));
        Assert.Equal("epoch 20: optimizer momentum (fresh state) (2-4-4-1)", LogLines[^1]);
        Assert.Equal(20, simulation.Epoch); // training goes on from where it was
        Assert.Equal(20, simulation.Context.LossHistory.Count);
        controller.Handle(Press(Key.O));
        Assert.Equal(OptimizerKind.Adam, controller.Simulation.Options.Optimizer.Kind);
        controller.Handle(Press(Key.O));
        Assert.Equal(OptimizerKind.Sgd, controller.Simulation.Options.Optimizer.Kind);
        Assert.Equal(4, controller.StepEpochs(4));
    }

    [Fact]
    public void Ctrl_S_saves_the_run_to_a_timestamped_file_andActionLogs_the_path()
    {
        var dir = Directory.CreateTempSubdirectory("neuronsim-save-");
        try
        {
            using var controller = Controller();
            controller.SaveDirectory = dir.FullName;
            controller.StepEpochs(7);
            controller.Handle(Press(Key.S, ctrl: true));
            var file = Assert.Single(dir.GetFiles("neuronsim-*.safetensors"));
            Assert.Equal($"epoch 7: saved the run to {file.FullName} (2-4-4-1)", LogLines[^1]);
            controller.Handle(Press(Key.S));
            Assert.True(controller.TakeScreenshotRequest());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_edit_key_is_in_the_key_table()
    {
        Assert.Equal(LiveCommand.Prune, KeyMap.ToCommand(Press(Key.Delete)));
        Assert.Equal(LiveCommand.Prune, KeyMap.ToCommand(Press(Key.Backspace)));
        Assert.Equal(LiveCommand.Freeze, KeyMap.ToCommand(Press(Key.F)));
        Assert.Equal(LiveCommand.CycleLayer, KeyMap.ToCommand(Press(Key.Tab)));
        Assert.Equal(LiveCommand.AddNeuron, KeyMap.ToCommand(Press(Key.Plus)));
        Assert.Equal(LiveCommand.AddNeuron, KeyMap.ToCommand(Press(Key.KeypadPlus)));
        Assert.Equal(LiveCommand.RemoveNeuron, KeyMap.ToCommand(Press(Key.Minus)));
        Assert.Equal(LiveCommand.AddLayer, KeyMap.ToCommand(Press(Key.L)));
        Assert.Equal(LiveCommand.RemoveLayer, KeyMap.ToCommand(Press(Key.L, shift: true)));
        Assert.Equal(LiveCommand.LearningRateUp, KeyMap.ToCommand(Press(Key.RightBracket)));
        Assert.Equal(LiveCommand.LearningRateDown, KeyMap.ToCommand(Press(Key.LeftBracket)));
        Assert.Equal(LiveCommand.CycleOptimizer, KeyMap.ToCommand(Press(Key.O)));
        Assert.Equal(LiveCommand.SaveRun, KeyMap.ToCommand(Press(Key.S, ctrl: true)));
        Assert.Equal(LiveCommand.Screenshot, KeyMap.ToCommand(Press(Key.S)));
    }
}
