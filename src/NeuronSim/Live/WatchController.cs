using System.Diagnostics;
using NeuronSim.Network.Data;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Live;

/// <summary>
/// The live view's state and the commands that change it, with no window: play/pause, stepping,
/// speed, reset, data set, boundary, help, screenshot and quit requests. The frame loop feeds it
/// key presses and asks it to train for part of each frame; the renderer reads <see cref="View"/>.
/// Training goes on past convergence (remembering the epoch in <see cref="ConvergedAt"/>), pauses
/// at the epoch limit, and stops for good when the loss diverges (R resets).
/// </summary>
public sealed partial class WatchController : IDisposable
{
    /// <summary>The training speeds Up/Down step through, in epochs per frame.</summary>
    public static readonly int[] Speeds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    private readonly RateMeter _rate = new();
    private LiveEdits _edits = new(TextWriter.Null);

    /// <summary>Where the action log goes (one line per change to the network or its settings); nowhere by default.</summary>
    public TextWriter ActionLog
    {
        set => _edits = new LiveEdits(value);
    }

    /// <summary>The directory Ctrl+S saves runs into.</summary>
    public string SaveDirectory { get; set; } = ".";

    /// <summary>The edits' state: the selected layer and edge.</summary>
    public LiveEdits Edits => _edits;
    private TrainingOptions _options;
    private NetworkSpec _spec;
    private int _speedIndex;
    private bool _screenshotRequested;
    private string? _message;

    /// <summary>Starts a live view of <paramref name="spec"/> learning the built-in set <paramref name="dataName"/> (data seed 1, no noise, no test set).</summary>
    public WatchController(NetworkSpec spec, string dataName, int? points, TrainingOptions options, bool playing = true, int epochsPerFrame = 20)
        : this(spec, new DataChoice(dataName, points), options, playing, epochsPerFrame)
    {
    }

    /// <summary>Starts a live view of <paramref name="spec"/> learning <paramref name="data"/>.</summary>
    /// <param name="spec">The network (its seed is the first one; R moves to the next).</param>
    /// <param name="data">The data: set, size, seed, noise, test ratio.</param>
    /// <param name="options">Learning rate, target loss, epoch limit.</param>
    /// <param name="playing">Whether training starts running (false: nothing moves until a key).</param>
    /// <param name="epochsPerFrame">Starting speed (rounded to the nearest of <see cref="Speeds"/>).</param>
    /// <param name="start">A simulation to continue (a loaded checkpoint) instead of a new one; the controller owns it.</param>
    public WatchController(NetworkSpec spec, DataChoice data, TrainingOptions options, bool playing = true, int epochsPerFrame = 20, TrainingSimulation? start = null)
    {
        _spec = start?.Spec ?? spec;
        Data = data;
        _options = start?.Options ?? options;
        Playing = playing;
        _speedIndex = NearestSpeed(epochsPerFrame);
        Simulation = start ?? Create();
    }

    /// <summary>The data being learnt (D, M and T change it).</summary>
    public DataChoice Data { get; private set; }

    /// <summary>The simulation being watched (replaced by reset and by a data set change).</summary>
    public TrainingSimulation Simulation { get; private set; }

    /// <summary>Whether training runs on its own.</summary>
    public bool Playing { get; private set; }

    /// <summary>Epochs trained per frame while playing (1 to 10000).</summary>
    public int EpochsPerFrame => Speeds[_speedIndex];

    /// <summary>Whether the boundary heatmap is shown.</summary>
    public bool ShowBoundary { get; private set; } = true;

    /// <summary>Whether the help overlay is shown.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>The first epoch at which the loss was below the target, if any.</summary>
    public int? ConvergedAt { get; private set; }

    /// <summary>The seed of the current weights.</summary>
    public int Seed => _spec.Seed;

    /// <summary>A short message for the HUD (last screenshot, a refused step), or null.</summary>
    public string? Message
    {
        get => _message;
        set
        {
            if (_message == value) return;
            _message = value;
            Version++;
        }
    }

    /// <summary>Whether Esc or Q was pressed.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>Grows whenever something visible changed (the loop re-renders only then).</summary>
    public long Version { get; private set; }

    /// <summary>What the renderer needs besides the simulation.</summary>
    public ViewState View => new()
    {
        Playing = Playing,
        EpochsPerFrame = EpochsPerFrame,
        EpochsPerSecond = Playing ? _rate.Rate : 0,
        EpochsPerFrameDone = Playing ? _rate.PerCall : double.NaN,
        ShowBoundary = ShowBoundary,
        ShowHelp = ShowHelp,
        ConvergedAt = ConvergedAt,
        Message = Message,
        Probe = Probe,
        ShowGradients = ShowGradients,
        ShowNeuronMaps = ShowNeuronMaps,
        Discretize = Discretize,
        Recording = Recording,
        Mouse = Mouse,
        Hover = Hover,
        Selected = _edits.SelectedEdge,
        SelectedLayer = _edits.TargetLayer(Simulation, Hover),
        Keys = KeyMap.Help,
        KeyFooter = KeyMap.Footer,
    };

    private readonly MousePointer _mouse = new();

    /// <summary>The input point under the mouse in the decision-boundary plot, or null.</summary>
    public (double X0, double X1)? Probe => _mouse.Probe;

    /// <summary>The neuron or edge under the mouse in the graph, or null.</summary>
    public GraphTarget? Hover => _mouse.Hover;

    /// <summary>The mouse in logical frame pixels, or null.</summary>
    public (float X, float Y)? Mouse => _mouse.Mouse;

    /// <summary>
    /// The mouse is at <paramref name="mouse"/> (pixels) of a <paramref name="width"/> x
    /// <paramref name="height"/> frame (null: outside the window). Over the decision-boundary plot it
    /// probes that input point (the graph shows the network's activations for it); over the graph it hovers a neuron or an edge.
    /// </summary>
    public void PointAt((int X, int Y)? mouse, int width, int height)
    {
        if (_mouse.PointAt(Simulation, mouse, width, height)) Version++;
    }

    /// <summary>Whether each neuron is drawn as a map of its own output (E).</summary>
    public bool ShowNeuronMaps { get; private set; } = true;

    /// <summary>Whether the graph shows gradients instead of weights (G).</summary>
    public bool ShowGradients { get; private set; }

    /// <summary>Acts on one key press.</summary>
    public void Handle(KeyPress press)
    {
        if (!TypeWeight(press)) Execute(KeyMap.ToCommand(press));
    }

    /// <summary>Acts on one command.</summary>
    public void Execute(LiveCommand command)
    {
        switch (command)
        {
            case LiveCommand.None: return;
            case LiveCommand.TogglePlay:
                Playing = !Playing;
                _rate.Reset();
                break;
            case LiveCommand.StepOne: StepEpochs(1); break;
            case LiveCommand.StepHundred: StepEpochs(100); break;
            case LiveCommand.Faster: _speedIndex = Math.Min(_speedIndex + 1, Speeds.Length - 1); break;
            case LiveCommand.Slower: _speedIndex = Math.Max(_speedIndex - 1, 0); break;
            case LiveCommand.Reset:
                _spec = _spec with { Seed = _spec.Seed + 1 };
                Replace();
                Message = $"reset: seed {_spec.Seed}";
                break;
            case LiveCommand.NextDataSet or LiveCommand.NoiseUp or LiveCommand.NoiseDown or LiveCommand.TestRatioUp or LiveCommand.TestRatioDown:
                var (data, message) = Data.After(command);
                ChangeData(data, message);
                break;
            case LiveCommand.Prune or LiveCommand.Freeze or LiveCommand.AddNeuron or LiveCommand.RemoveNeuron or LiveCommand.AddLayer
                or LiveCommand.RemoveLayer or LiveCommand.LearningRateUp or LiveCommand.LearningRateDown:
                Message = _edits.Apply(Simulation, command, Hover);
                if (command is LiveCommand.AddNeuron or LiveCommand.RemoveNeuron or LiveCommand.AddLayer or LiveCommand.RemoveLayer or LiveCommand.Prune) _mouse.Hover = null;
                break;
            case LiveCommand.CycleLayer: Message = _edits.CycleLayer(Simulation); break;
            case LiveCommand.CycleOptimizer: CycleOptimizer(); break;
            case LiveCommand.CycleActivation: CycleActivation(); break;
            case LiveCommand.TypeWeight: Message = "click an edge to select it, then type its weight and Enter"; break;
            case LiveCommand.ToggleDiscretize:
                Discretize = !Discretize;
                Message = Discretize ? "boundary: predicted class only (K for the output's value)" : "boundary: output value";
                break;
            case LiveCommand.ToggleRecording: _recordingToggleRequested = true; break;
            case LiveCommand.SaveRun:
                var path = Path.GetFullPath(Path.Combine(SaveDirectory, $"neuronsim-{DateTime.UtcNow:yyyyMMdd-HHmmss}.safetensors"));
                try
                {
                    Save(path);
                    Message = _edits.Log(Simulation, $"saved the run to {path}");
                }
                catch (IOException error)
                {
                    Message = $"could not save {path}: {error.Message}";
                }
                break;
            case LiveCommand.ToggleBoundary: ShowBoundary = !ShowBoundary; break;
            case LiveCommand.ToggleNeuronMaps: ShowNeuronMaps = !ShowNeuronMaps; break;
            case LiveCommand.ToggleGradients:
                ShowGradients = !ShowGradients;
                Message = ShowGradients ? "graph: gradients dL/dw (G for weights)" : "graph: weights";
                break;
            case LiveCommand.Screenshot: _screenshotRequested = true; break;
            case LiveCommand.ToggleHelp: ShowHelp = !ShowHelp; break;
            case LiveCommand.Quit: QuitRequested = true; break;
        }
        Version++;
    }

    /// <summary>Trains exactly <paramref name="epochs"/> epochs (fewer only if the loss diverges or <paramref name="cancel"/> fires); returns how many ran.</summary>
    public int StepEpochs(int epochs, CancellationToken cancel = default)
    {
        var done = 0;
        while (done < epochs && !cancel.IsCancellationRequested && TryStep()) done++;
        if (done > 0) Version++;
        return done;
    }

    /// <summary>
    /// While playing, trains up to <see cref="EpochsPerFrame"/> epochs but stops once
    /// <paramref name="budget"/> has passed, so a frame is never held up; returns the epochs run.
    /// </summary>
    public int Advance(TimeSpan budget)
    {
        if (!Playing)
        {
            return 0;
        }
        var start = Stopwatch.GetTimestamp();
        var done = 0;
        while (done < EpochsPerFrame && Stopwatch.GetElapsedTime(start) < budget)
        {
            if (Simulation.Epoch >= _options.MaxEpochs)
            {
                Playing = false; // the HUD's status slot says so
                break;
            }
            if (!TryStep())
            {
                Playing = false;
                break;
            }
            done++;
        }
        _rate.Add(done);
        Version++;
        return done;
    }

    /// <summary>Saves the run (network, settings, optimizer state, data recipe) to <paramref name="path"/> as a checkpoint <c>--load</c> continues.</summary>
    public void Save(string path) => Commands.CheckpointLoading.Save(Simulation, Data.ToSettings(), path);

    /// <summary>True once after S was pressed: the loop then saves the frame.</summary>
    public bool TakeScreenshotRequest()
    {
        var requested = _screenshotRequested;
        _screenshotRequested = false;
        return requested;
    }

    private bool TryStep()
    {
        if (Simulation.Status == TrainingStatus.Diverged) return false; // the HUD's status slot says so
        Simulation.Resume();
        var status = Simulation.Step();
        if (status == TrainingStatus.Converged) ConvergedAt ??= Simulation.Epoch;
        return status != TrainingStatus.Diverged;
    }

    /// <summary>The optimizers O cycles through.</summary>
    public static readonly OptimizerKind[] OptimizerCycle = [OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam];

    /// <summary>O: the next optimizer. The run is rebuilt with the same weights (fresh optimizer state; the epoch count and loss history restart).</summary>
    private void CycleOptimizer()
    {
        var options = Simulation.Options;
        var kind = OptimizerCycle[(Array.IndexOf(OptimizerCycle, options.Optimizer.Kind) + 1) % OptimizerCycle.Length];
        Rebuild(Simulation.Spec, options with { Optimizer = options.Optimizer with { Kind = kind } },
            $"optimizer {kind.ToString().ToLowerInvariant()}: same weights, new run from epoch 0");
    }

    /// <summary>Replaces the run by one of <paramref name="spec"/> and <paramref name="options"/> on the same data with the same weights (fresh optimizer state, epoch 0), and logs <paramref name="action"/>.</summary>
    private void Rebuild(NetworkSpec spec, TrainingOptions options, string action)
    {
        var old = Simulation;
        _options = options;
        var replacement = new TrainingSimulation(spec, old.Data, _options, old.Test);
        LiveEdits.CopyParameters(old, replacement);
        Simulation = replacement;
        old.Dispose();
        ConvergedAt = null;
        _rate.Reset();
        Message = _edits.Log(Simulation, action);
    }

    /// <summary>
    /// A click at <paramref name="mouse"/> (window pixels of a <paramref name="width"/> x <paramref name="height"/> frame):
    /// on an edge of the graph it selects that edge (Delete prunes it); anywhere else it clears the selection.
    /// </summary>
    public void ClickAt((int X, int Y) mouse, int width, int height)
    {
        var target = _mouse.TargetAt(Simulation, mouse, width, height);
        _edits.SelectedEdge = target is { IsEdge: true } ? target : null;
        Message = _edits.SelectedEdge is { } edge ? $"selected {edge}: Delete prunes it, F freezes it" : Message;
        Version++;
    }

    /// <summary>Rebuilds the run on <paramref name="data"/>, keeping the network options (as edited) and the training options (as changed live).</summary>
    private void ChangeData(DataChoice data, string message)
    {
        var before = Data;
        Data = data;
        try
        {
            Replace();
            Message = message;
        }
        catch (ArgumentException error)
        {
            Data = before;
            Message = error.Message;
        }
    }

    private void Replace()
    {
        var replacement = Create();
        Simulation.Dispose();
        Simulation = replacement;
        _edits.Follow(Simulation);
        ConvergedAt = null;
        _rate.Reset();
    }

    /// <summary>A new run of the current network options on the current data (the options as changed live, the network as edited).</summary>
    private TrainingSimulation Create()
    {
        if (Simulation is { } current)
        {
            _spec = current.Spec with { Seed = _spec.Seed };
            _options = current.Options;
        }
        var split = Data.Split();
        return new TrainingSimulation(_spec, split.Train, _options, split.TestIsTraining ? null : split.Test);
    }

    private static int NearestSpeed(int epochsPerFrame)
    {
        var best = 0;
        for (var i = 1; i < Speeds.Length; i++)
        {
            if (Math.Abs(Speeds[i] - epochsPerFrame) < Math.Abs(Speeds[best] - epochsPerFrame)) best = i;
        }
        return best;
    }

    /// <inheritdoc />
    public void Dispose() => Simulation.Dispose();
}
