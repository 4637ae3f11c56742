using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>Replacing the run: a new optimizer on the same weights (O), and a new run on new data (D, M, T) or a new seed (R).</summary>
public sealed partial class WatchController
{
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

    /// <summary>Rebuilds the run on <paramref name="data"/>, keeping the network options (as edited) and the training options (as changed live), and logs <paramref name="message"/>.</summary>
    private void ChangeData(DataChoice data, string message)
    {
        var before = Data;
        Data = data;
        try
        {
            Replace();
            Message = _edits.Log(Simulation, message);
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
}
