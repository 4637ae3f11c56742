using NeuronSim.Network.Model;
using NeuronSim.Network.Systems;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>Changing the run: the optimizer (O) and other training options as it learns, and a new run on new data (D, M, T) or a new seed (R).</summary>
public sealed partial class WatchController
{
    /// <summary>The optimizers O cycles through.</summary>
    public static readonly OptimizerKind[] OptimizerCycle = [OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam];

    /// <summary>O: the next optimizer, from a fresh state; training goes on from this epoch with the same network and loss curve.</summary>
    private void CycleOptimizer()
    {
        var options = Simulation.Options;
        var kind = OptimizerCycle[(Array.IndexOf(OptimizerCycle, options.Optimizer.Kind) + 1) % OptimizerCycle.Length];
        ChangeTraining(options with { Optimizer = options.Optimizer with { Kind = kind } }, $"optimizer {Optimizers.Of(kind).Name} (fresh state)");
    }

    /// <summary>
    /// Trains on under <paramref name="options"/> from this epoch (the same network, epoch count and loss
    /// curve; see <see cref="TrainingSimulation.ChangeOptions"/>) and logs <paramref name="action"/>; options the run
    /// cannot take become the message and change nothing.
    /// </summary>
    private void ChangeTraining(TrainingOptions options, string action)
    {
        try
        {
            Simulation.ChangeOptions(options);
        }
        catch (ArgumentException error)
        {
            Message = error.Message;
            return;
        }
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
