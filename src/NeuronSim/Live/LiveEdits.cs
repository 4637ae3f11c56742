using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Editing;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;

namespace NeuronSim.Live;

/// <summary>
/// Changes to the network while it learns, through <see cref="NetworkEditor"/>: prune the selected
/// edge, freeze a neuron or edge, add or remove a neuron or a hidden layer at the selected layer,
/// and the learning rate. Each change writes one action-log line such as
/// <c>epoch 412: layer 1 +1 neuron (2-5-4-1)</c> and returns the HUD's message.
/// </summary>
public sealed class LiveEdits(TextWriter log)
{
    /// <summary>The factor [ and ] change the learning rate by (about 3: two steps are 10).</summary>
    public static readonly double RateStep = Math.Sqrt(10);

    /// <summary><paramref name="value"/> times (<paramref name="up"/>) or divided by <see cref="RateStep"/>, rounded to 12 significant digits so ten steps come back to where they started.</summary>
    public static double Scaled(double value, bool up)
    {
        var scaled = value * (up ? RateStep : 1 / RateStep);
        return Math.Round(scaled, Math.Clamp(12 - (int)Math.Floor(Math.Log10(scaled)), 0, 15));
    }

    private NetworkEditor? _editor;
    private TrainingSimulation? _edited;

    /// <summary>The hidden layer +, -, L and Shift+L act on when no hidden neuron is hovered (1 = the first hidden layer; 0 when there is none).</summary>
    public int SelectedLayer { get; private set; } = 1;

    /// <summary>The edge a click selected (Delete prunes it), or null.</summary>
    public GraphTarget? SelectedEdge { get; set; }

    /// <summary>The network's shape, "2-5-4-1".</summary>
    public static string Shape(TrainingSimulation simulation) => string.Join('-', simulation.Topology.Layers.Select(l => l.Size));

    /// <summary>Keeps the selection valid for <paramref name="simulation"/> (after a rebuild or an edit).</summary>
    public void Follow(TrainingSimulation simulation)
    {
        var hidden = simulation.Spec.Hidden.Count;
        SelectedLayer = hidden == 0 ? 0 : Math.Clamp(SelectedLayer, 1, hidden);
        if (SelectedEdge is { } e && (e.Layer + 1 >= simulation.Topology.Layers.Length
            || e.From >= simulation.Topology.Layers[e.Layer].Size || e.To >= simulation.Topology.Layers[e.Layer + 1].Size
            || simulation.Topology.WeightEntityOrNull(e.Layer + 1, e.From, e.To) == Entity.Null))
        {
            SelectedEdge = null;
        }
    }

    /// <summary>Tab: the next hidden layer (wrapping).</summary>
    public string CycleLayer(TrainingSimulation simulation)
    {
        var hidden = simulation.Spec.Hidden.Count;
        SelectedLayer = hidden == 0 ? 0 : SelectedLayer % hidden + 1;
        return hidden == 0 ? "no hidden layer: L adds one" : $"layer {SelectedLayer} selected";
    }

    /// <summary>The layer a layer edit acts on: the hovered hidden neuron's layer, else <see cref="SelectedLayer"/>.</summary>
    public int TargetLayer(TrainingSimulation simulation, GraphTarget? hover) =>
        hover is { IsEdge: false } h && h.Layer > 0 && h.Layer <= simulation.Spec.Hidden.Count ? h.Layer : SelectedLayer;

    /// <summary>Runs one edit and logs it; an edit the network refuses becomes the message and changes nothing.</summary>
    public string Apply(TrainingSimulation simulation, LiveCommand command, GraphTarget? hover)
    {
        if (!ReferenceEquals(simulation, _edited)) (_editor, _edited) = (new NetworkEditor(simulation), simulation);
        var editor = _editor!;
        var layer = TargetLayer(simulation, hover);
        try
        {
            string action;
            switch (command)
            {
                case LiveCommand.Prune:
                    if (SelectedEdge is not { } edge) return "click an edge to select it, then Delete prunes it";
                    editor.Prune(simulation.Topology.WeightEntity(edge.Layer + 1, edge.From, edge.To));
                    action = $"pruned {Named(simulation, edge)}";
                    SelectedEdge = null;
                    break;
                case LiveCommand.Freeze:
                    if ((hover ?? SelectedEdge) is not { } target) return "point at a neuron or an edge, then F freezes it";
                    if (!target.IsEdge && target.Layer == 0) return "an input has nothing to freeze";
                    var entity = target.IsEdge
                        ? simulation.Topology.WeightEntity(target.Layer + 1, target.From, target.To)
                        : simulation.Topology.Layers[target.Layer].Neurons[target.From];
                    action = (editor.ToggleFrozen(entity) ? "froze " : "unfroze ") + Named(simulation, target) + (target.IsEdge ? "" : " (its bias)");
                    break;
                case LiveCommand.AddNeuron:
                    if (layer == 0) return "no hidden layer: L adds one";
                    editor.AddNeuron(layer);
                    action = $"layer {layer} +1 neuron";
                    break;
                case LiveCommand.RemoveNeuron:
                    if (layer == 0) return "no hidden layer";
                    editor.RemoveLastNeuron(layer);
                    action = $"layer {layer} -1 neuron";
                    break;
                case LiveCommand.AddLayer:
                    editor.AddLayer(layer);
                    action = $"new layer {layer + 1} after layer {layer}";
                    SelectedLayer = layer + 1;
                    break;
                case LiveCommand.RemoveLayer:
                    if (layer == 0) return "no hidden layer to remove";
                    editor.RemoveLayer(layer);
                    action = $"removed layer {layer}";
                    break;
                case LiveCommand.LearningRateUp or LiveCommand.LearningRateDown:
                    var rate = Scaled(simulation.Options.LearningRate, command == LiveCommand.LearningRateUp);
                    simulation.Context.Options = simulation.Options with { LearningRate = rate };
                    action = $"learning rate {Numbers.Compact(rate)}";
                    break;
                default:
                    return "";
            }
            Follow(simulation);
            return Log(simulation, action);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return error.Message;
        }
    }

    /// <summary>An edge or neuron named as the tooltip names it ("edge x0 -> hidden 1.0", "hidden 2.1").</summary>
    public static string Named(TrainingSimulation simulation, GraphTarget target) =>
        NeuronNames.Of(simulation.Spec.Features.Names, simulation.Topology.Layers.Select(l => l.Size).ToArray(), target);

    /// <summary>
    /// Sets the weight of <paramref name="edge"/> to <paramref name="value"/> (its optimizer state is kept) and logs it
    /// (unless not <paramref name="log"/>: a drag logs once, on release), saying <paramref name="how"/> when given; a refused value becomes the message.
    /// </summary>
    public string SetWeight(TrainingSimulation simulation, GraphTarget edge, double value, string? how = null, bool log = true)
    {
        if (!ReferenceEquals(simulation, _edited)) (_editor, _edited) = (new NetworkEditor(simulation), simulation);
        try
        {
            _editor!.SetWeight(simulation.Topology.WeightEntity(edge.Layer + 1, edge.From, edge.To), value);
            var action = $"weight {Named(simulation, edge)} = {Numbers.Compact(value)}" + (how is null ? "" : $" ({how})");
            return log ? Log(simulation, action) : action;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return error.Message;
        }
    }

    /// <summary>Writes the action-log line for <paramref name="action"/> and returns it as the HUD's message.</summary>
    public string Log(TrainingSimulation simulation, string action)
    {
        var line = $"epoch {simulation.Epoch}: {action} ({Shape(simulation)})";
        log.WriteLine(line);
        log.Flush();
        return line;
    }
}
