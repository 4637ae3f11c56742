using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Cli.Tests;

/// <summary>Dragging a selected edge up or down sets its weight (no window).</summary>
public class WatchDragTests : LoggedControllerTests
{
    [Fact]
    public void Dragging_a_selected_edge_up_sets_its_weight_live_and_logs_it_once_on_release()
    {
        using var controller = Controller();
        controller.StepEpochs(3);
        var (x, y) = MidpointOf([2, 4, 4, 1], 1, 3, 3); // a horizontal edge
        var start = WeightOf(controller, 1, 3, 3);
        var other = WeightOf(controller, 1, 2, 3);
        controller.ClickAt((x, y), 1280, 800);
        Assert.Equal(GraphTarget.Edge(1, 3, 3), controller.Edits.SelectedEdge);
        controller.PointAt((x, y - 25), 1280, 800);
        Assert.Equal(Math.Round(start + 0.5, 4), WeightOf(controller, 1, 3, 3), 9);
        Assert.Equal(GraphTarget.Edge(1, 3, 3), controller.Dragging);
        Assert.Equal(GraphTarget.Edge(1, 3, 3), controller.View.Hover); // the tooltip shows the weight being dragged
        Assert.Empty(LogLines);
        controller.PointAt((x + 40, y - 50), 1280, 800);
        Assert.Equal(Math.Round(start + 1.0, 4), WeightOf(controller, 1, 3, 3), 9);
        controller.ReleaseAt((x + 40, y + 50), 1280, 800);
        var expected = Math.Round(start - 1.0, 4);
        Assert.Equal(expected, WeightOf(controller, 1, 3, 3), 9);
        Assert.Equal(other, WeightOf(controller, 1, 2, 3));
        Assert.Null(controller.Dragging);
        var line = Assert.Single(LogLines);
        Assert.Equal($"epoch 3: weight edge hidden 1.3 -> hidden 2.3 = {Network.Formatting.Numbers.Compact(expected)} (dragged) (2-4-4-1)", line);
        controller.PointAt((x, y - 100), 1280, 800); // the button is up: moving changes nothing
        Assert.Equal(expected, WeightOf(controller, 1, 3, 3), 9);
        Assert.Equal(3, controller.StepEpochs(3));
    }

    [Fact]
    public void A_click_without_a_drag_sets_nothing_and_a_drag_off_an_edge_moves_no_weight()
    {
        using var controller = Controller();
        var (x, y) = MidpointOf([2, 4, 4, 1], 1, 3, 3);
        var start = WeightOf(controller, 1, 3, 3);
        controller.ClickAt((x, y), 1280, 800);
        controller.PointAt((x, y - 2), 1280, 800); // within the threshold
        controller.ReleaseAt((x, y - 2), 1280, 800);
        Assert.Equal(start, WeightOf(controller, 1, 3, 3));
        Assert.Empty(LogLines);

        var area = FrameLayout.For(1280, 800, withPanel: true).Graph;
        var before = WeightOf(controller, 1, 3, 3);
        controller.ClickAt(((int)area.Left + 5, (int)area.Top + 5), 1280, 800); // empty graph: clears the selection
        Assert.Null(controller.Edits.SelectedEdge);
        controller.PointAt(((int)area.Left + 5, (int)area.Top + 100), 1280, 800);
        controller.ReleaseAt(((int)area.Left + 5, (int)area.Top + 100), 1280, 800);
        Assert.Equal(before, WeightOf(controller, 1, 3, 3));
        Assert.Empty(LogLines);
    }
}
