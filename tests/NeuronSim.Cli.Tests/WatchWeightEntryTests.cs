using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>Typing a selected edge's weight in the live view (no window).</summary>
public class WatchWeightEntryTests : LoggedControllerTests
{
    [Fact]
    public void Typing_a_number_then_Enter_sets_the_selected_edges_weight_andActionLogs_it()
    {
        using var controller = Controller();
        controller.StepEpochs(5);
        var other = WeightOf(controller, 1, 1, 0);
        controller.ClickAt(MidpointOf([2, 4, 4, 1], 1, 0, 0), 1280, 800);
        Assert.NotNull(controller.Edits.SelectedEdge);
        foreach (var key in new[] { Key.Minus, Key.Digit1, Key.Period, Key.Digit2, Key.Digit5, Key.Digit9, Key.Backspace })
            controller.Handle(Press(key));
        Assert.Equal("-1.25", controller.WeightEntry);
        Assert.Contains("-1.25_", controller.Message);
        Assert.Equal(4, controller.Simulation.Spec.Hidden[0]); // '-' typed a sign, it did not remove a neuron
        controller.Handle(Press(Key.Return));
        Assert.Null(controller.WeightEntry);
        Assert.Equal(-1.25, WeightOf(controller, 1, 0, 0));
        Assert.Equal(other, WeightOf(controller, 1, 1, 0));
        Assert.Matches(@"^epoch 5: weight .* = -1\.25 \(2-4-4-1\)$", LogLines[^1]);
        Assert.Equal(3, controller.StepEpochs(3));
    }

    [Fact]
    public void Escape_while_typing_cancels_it_and_does_not_quit()
    {
        using var controller = Controller();
        controller.ClickAt(MidpointOf([2, 4, 4, 1], 1, 0, 0), 1280, 800);
        var before = WeightOf(controller, 1, 0, 0);
        controller.Handle(Press(Key.Digit3));
        controller.Handle(Press(Key.Escape));
        Assert.False(controller.QuitRequested);
        Assert.Null(controller.WeightEntry);
        controller.Handle(Press(Key.Return));
        Assert.Equal(before, WeightOf(controller, 1, 0, 0));
        Assert.Empty(LogLines);
        controller.Handle(Press(Key.Escape));
        Assert.True(controller.QuitRequested);
    }

    [Fact]
    public void Digits_without_a_selected_edge_type_nothing_and_a_bad_number_changes_nothing()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.Digit4));
        Assert.Null(controller.WeightEntry);
        Assert.Contains("click an edge", controller.Message);
        controller.ClickAt(MidpointOf([2, 4, 4, 1], 1, 0, 0), 1280, 800);
        var before = WeightOf(controller, 1, 0, 0);
        foreach (var key in new[] { Key.Digit1, Key.Period, Key.Period, Key.Return }) controller.Handle(Press(key));
        Assert.Equal("not a number: 1..", controller.Message);
        Assert.Equal(before, WeightOf(controller, 1, 0, 0));
        Assert.Contains(KeyMap.Help, line => line.Keys.Contains("0-9") && line.What.Contains("Enter"));
    }
}
