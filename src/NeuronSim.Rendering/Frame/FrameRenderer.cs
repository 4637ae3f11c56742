using System.Diagnostics;
using NeuronSim.Network.Training;
using SkiaSharp;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Renders one frame of a running simulation: the HUD line, the network graph, the decision
/// boundary with the data points, the loss curve, the key help, the live window's control panel
/// (when the view has one) and (H) the help overlay. It only
/// reads the simulation's world; the same frame goes to the window and to PNG files.
/// </summary>
public sealed class FrameRenderer : IDisposable
{
    private readonly NetworkGraphRenderer _graph = new();
    private readonly DecisionBoundaryRenderer _boundary = new();
    private readonly LossChartRenderer _loss = new();
    private readonly NeuronMaps _maps = new();

    /// <summary>Every neuron's own output over the domain, as the last frame drew them.</summary>
    public NeuronMaps Maps => _maps;
    private static readonly TimeSpan EvaluateEvery = TimeSpan.FromMilliseconds(250);
    private (object? Simulation, long Fingerprint) _evaluated;
    private double _evaluatedLoss = double.NaN;
    private long _evaluatedAt;

    /// <summary>Whether the last (live) frame showed the loss of slightly older weights: render again soon.</summary>
    public bool EvaluationPending { get; private set; }

    /// <summary>What the HUD of the last frame said about the network as drawn.</summary>
    public NetworkEvaluation Shown { get; private set; }

    /// <summary>The tooltip lines the last frame showed (empty: none).</summary>
    public IReadOnlyList<string> Tooltip { get; private set; } = [];

    /// <summary>What the graph showed in the last frame (read from the world).</summary>
    public NetworkSnapshot Network { get; } = new();

    /// <summary>The graph renderer (its edge budget and the counts of the last frame).</summary>
    public NetworkGraphRenderer Graph => _graph;

    /// <summary>The boundary renderer (its grid resolution).</summary>
    public DecisionBoundaryRenderer Boundary => _boundary;

    /// <summary>
    /// Draws the frame for <paramref name="simulation"/> onto <paramref name="canvas"/>, which is
    /// <paramref name="width"/> x <paramref name="height"/> pixels. <paramref name="live"/> lets
    /// an expensive decision boundary refresh every few frames instead of every frame.
    /// </summary>
    public void Render(SKCanvas canvas, int width, int height, TrainingSimulation simulation, ViewState view, bool live = false)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(view);
        canvas.Clear(Palette.Background);
        var layout = FrameLayout.For(width, height, view.Panel.Count > 0);
        canvas.Save();
        canvas.Scale(layout.Scale);
        using (var panel = new SKPaint { Color = Palette.Panel, IsAntialias = true })
        {
            foreach (var rect in layout.Panels) canvas.DrawRoundRect(rect, 6, 6, panel);
        }
        var controls = view.Panel.Count > 0 ? new ControlPanelLayout(layout.Panel, view.Panel) : null;
        if (controls is not null) ControlPanel.Render(canvas, controls, view.Panel, view.Mouse);
        Network.Read(simulation.World);
        Network.InputNames = simulation.Spec.Features.Names;
        var key = ((object?)simulation, Network.Fingerprint);
        EvaluationPending = false;
        if (!Equals(_evaluated, key))
        {
            // The HUD's loss describes the weights as drawn: a forward pass (no weight, epoch or
            // history changes). While training runs live it costs about a third of an epoch, so it
            // is done at most every EvaluateEvery; the accuracy always comes from the rings.
            if (!live || !ReferenceEquals(_evaluated.Simulation, simulation) || Stopwatch.GetElapsedTime(_evaluatedAt) >= EvaluateEvery)
            {
                var (loss, _) = simulation.Evaluate();
                Network.ReadActivations(simulation.World);
                (_evaluated, _evaluatedLoss, _evaluatedAt) = (key, loss, Stopwatch.GetTimestamp());
            }
            else
            {
                EvaluationPending = true;
            }
        }
        Network.SetProbe(view.Probe, view.Probe is { } probe ? simulation.ActivationsAt(probe.X0, probe.X1) : null);
        Network.ShowGradients = view.ShowGradients;
        if (view.ShowNeuronMaps) _maps.Update(simulation, Network.Fingerprint, live);
        _graph.Render(canvas, layout.Graph, Network, view.SelectedLayer, view.ShowNeuronMaps ? _maps : null);
        _graph.DrawHighlights(canvas, layout.Graph, Network, view.Hover, view.Selected);
        var hoveredMap = view.ShowNeuronMaps && view.Hover is { IsEdge: false } neuron ? _maps.Map(neuron.Layer, neuron.From) : null;
        _boundary.Discretize = view.Discretize;
        _boundary.Render(canvas, layout.Boundary, simulation, Network.EdgeCount, Network.Fingerprint, view.ShowBoundary, live, view.Probe,
            hoveredMap, hoveredMap is null ? null : $"{GraphTooltip.Name(Network, view.Hover!.Value.Layer, view.Hover.Value.From)}: its output over the domain");
        _loss.Render(canvas, layout.Loss, simulation.Context.LossHistory.Exact,
            simulation.Options.TargetLoss, view.ConvergedAt, simulation.Test is null ? default : simulation.Context.TestLossHistory.Exact);
        var points = simulation.Data.Count;
        var testAccuracy = simulation.Test is { Count: > 0 } test ? (double)(test.Count - _boundary.TestWrongCount) / test.Count : double.NaN;
        Shown = new NetworkEvaluation(_evaluatedLoss, (double)(points - _boundary.WrongCount) / points, _boundary.NotFiniteCount, testAccuracy);
        Hud.Render(canvas, layout.Hud, simulation, view, Shown);
        Hud.RenderKeyHelp(canvas, layout.Help, simulation.Spec.ToString(), view.KeyFooter, layout.Narrow);
        if (view.Hover is { } hover && view.Mouse is { } mouse)
        {
            Tooltip = GraphTooltip.Lines(simulation.World, Network, hover);
            GraphTooltip.Draw(canvas, Tooltip, new SKPoint(mouse.X, mouse.Y), width / layout.Scale, height / layout.Scale);
        }
        else if (controls is not null && ControlPanel.HintAt(controls, view.Panel, view.Mouse) is { } hint && view.Mouse is { } at)
        {
            Tooltip = [hint];
            GraphTooltip.Draw(canvas, Tooltip, new SKPoint(at.X, at.Y), width / layout.Scale, height / layout.Scale);
        }
        else
        {
            Tooltip = [];
        }
        if (view.ShowHelp) HelpOverlay.Render(canvas, width / layout.Scale, height / layout.Scale, view.Keys, view.Controls, view.HelpPage);
        canvas.Restore();
        canvas.Flush();
    }

    /// <summary>Renders into <paramref name="frame"/> (its whole size).</summary>
    public void Render(FrameBuffer frame, TrainingSimulation simulation, ViewState view, bool live = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Render(frame.Canvas, frame.Width, frame.Height, simulation, view, live);
    }

    /// <summary>Renders one <paramref name="width"/> x <paramref name="height"/> frame headless and writes it as PNG; returns the full path.</summary>
    public static string WritePng(string path, TrainingSimulation simulation, ViewState view, int width = 1280, int height = 800)
    {
        using var renderer = new FrameRenderer();
        using var frame = new FrameBuffer(width, height);
        renderer.Render(frame, simulation, view);
        return frame.SavePng(path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _graph.Dispose();
        _boundary.Dispose();
        _loss.Dispose();
        _maps.Dispose();
    }
}
