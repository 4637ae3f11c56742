using NeuronSim.Ecs;
using NeuronSim.Network.Data;
using NeuronSim.Network.Topology;

namespace NeuronSim.Network.Training;

/// <summary>
/// What the training systems share within a tick: the world, its resolved topology, the batch,
/// the learning rate, and the metrics of the current epoch.
/// </summary>
public sealed class TrainingContext(World world, DataSet data, TrainingOptions options)
{
    private NetworkTopology? _topology;

    /// <summary>The world holding the network's entities.</summary>
    public World World { get; } = world;

    /// <summary>The training batch (all points: full-batch gradient descent).</summary>
    public DataSet Data { get; } = data;

    /// <summary>The training options (learning rate, stopping rule).</summary>
    public TrainingOptions Options { get; set; } = options;

    /// <summary>The network resolved into dense order; rebuilt when the world's structure changed.</summary>
    public NetworkTopology Topology => _topology is { IsStale: false } ? _topology : _topology = NetworkTopology.Build(World);

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; set; }

    /// <summary>MSE of the last forward pass (mean over points).</summary>
    public double Loss { get; set; } = double.NaN;

    /// <summary>Fraction of points whose rounded prediction equals the label, in the last forward pass.</summary>
    public double Accuracy { get; set; }

    /// <summary>The loss of every epoch so far, epoch 1 first (room for the first 100000 is reserved up front, so ticks do not allocate).</summary>
    public List<double> LossHistory { get; } = new(Math.Min(options.MaxEpochs, HistoryReserve));

    /// <summary>The accuracy of every epoch so far.</summary>
    public List<double> AccuracyHistory { get; } = new(Math.Min(options.MaxEpochs, HistoryReserve));

    private const int HistoryReserve = 100_000;
}
