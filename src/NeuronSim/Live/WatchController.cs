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

    /// <summary>The help overlay's page while it is shown: 0 the keys, 1 the panel's controls (H turns the page, then closes).</summary>
    public int HelpPage { get; private set; }

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
        Panel = PanelControls.Rows(this),
        Controls = PanelControls.Help,
        HelpPage = HelpPage,
    };

    /// <summary>Whether each neuron is drawn as a map of its own output (E).</summary>
    public bool ShowNeuronMaps { get; private set; } = true;

    /// <summary>Whether the graph shows gradients instead of weights (G).</summary>
    public bool ShowGradients { get; private set; }

    /// <summary>Acts on one key press.</summary>
    public void Handle(KeyPress press)
    {
        if (!TypeWeight(press)) Execute(KeyMap.ToCommand(press));
    }

    /// <summary>Acts on one command (a key's or a panel control's); <paramref name="argument"/> is the data set of <see cref="LiveCommand.ChooseDataSet"/>.</summary>
    public void Execute(LiveCommand command, int argument = 0)
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
                Message = _edits.Log(Simulation, $"reset: new weights, seed {_spec.Seed}");
                break;
            case LiveCommand.NextDataSet or LiveCommand.ChooseDataSet or LiveCommand.NoiseUp or LiveCommand.NoiseDown or LiveCommand.TestRatioUp or LiveCommand.TestRatioDown:
                var (data, message) = Data.After(command, argument);
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
            case LiveCommand.BatchSmaller or LiveCommand.BatchLarger: StepBatchSize(command == LiveCommand.BatchSmaller); break;
            case LiveCommand.CycleRegularization: CycleRegularization(); break;
            case LiveCommand.RegularizationRateUp or LiveCommand.RegularizationRateDown: ScaleRegularizationRate(command == LiveCommand.RegularizationRateUp); break;
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
            case LiveCommand.ToggleHelp:
                (ShowHelp, HelpPage) = !ShowHelp ? (true, 0) : HelpPage == 0 ? (true, 1) : (false, 0);
                break;
            case LiveCommand.Quit: QuitRequested = true; break;
        }
        Version++;
    }

    /// <inheritdoc />
    public void Dispose() => Simulation.Dispose();
}
