using System.Globalization;
using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Checkpoints;

/// <summary>
/// A whole training run in a checkpoint, so that a run saved at epoch 500 and continued to 1000
/// equals an uninterrupted run of 1000 epochs bit for bit: the network, every training setting in
/// the metadata (as strings, round-trip exact), the epoch and optimizer step counts, and the
/// optimizer's state as tensors named after torch.optim's (<c>optimizer.0.weight.exp_avg</c>).
/// Mini-batch orders depend only on (shuffle seed, epoch), so they continue too.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>Metadata keys of the training settings (beside <see cref="CheckpointKeys"/>).</summary>
    public static class Keys
    {
        /// <summary>The learning rate.</summary>
        public const string LearningRate = "learning_rate";

        /// <summary>Optimizer steps taken (Adam's t).</summary>
        public const string OptimizerSteps = "optimizer_steps";

        /// <summary>Momentum, betas, eps and alpha, each under its own name.</summary>
        public static readonly string[] OptimizerHyperParameters = ["momentum", "beta1", "beta2", "eps", "alpha"];

        /// <summary>L1, L2, batch size, shuffle seed, leak and the target loss.</summary>
        public const string L1 = "l1", L2 = "l2", BatchSize = "batch_size", ShuffleSeed = "shuffle_seed", Leak = "leak", TargetLoss = "target_loss";

        /// <summary>The last epoch's regularization penalty (regularized runs only): measured before that epoch's update, so not recomputable from the saved weights.</summary>
        public const string Penalty = "penalty";
    }

    /// <summary>The optimizer state components and their torch.optim names, per optimizer.</summary>
    private static readonly Dictionary<OptimizerKind, (string Name, Func<World, Entity, double> Get, Action<World, Entity, double> Set)[]> State = new()
    {
        [OptimizerKind.Sgd] = [],
        [OptimizerKind.Momentum] = [("momentum_buffer", (w, e) => w.Get<Velocity>(e).Value, (w, e, v) => w.Get<Velocity>(e).Value = v)],
        [OptimizerKind.Nesterov] = [("momentum_buffer", (w, e) => w.Get<Velocity>(e).Value, (w, e, v) => w.Get<Velocity>(e).Value = v)],
        [OptimizerKind.RmsProp] = [("square_avg", (w, e) => w.Get<SquareAverage>(e).Value, (w, e, v) => w.Get<SquareAverage>(e).Value = v)],
        [OptimizerKind.Adam] =
        [
            ("exp_avg", (w, e) => w.Get<AdamMoments>(e).ExpAvg, (w, e, v) => w.Get<AdamMoments>(e).ExpAvg = v),
            ("exp_avg_sq", (w, e) => w.Get<AdamMoments>(e).ExpAvgSq, (w, e, v) => w.Get<AdamMoments>(e).ExpAvgSq = v),
        ],
    };

    /// <summary>The run of <paramref name="simulation"/> as it stands: network, settings, counters and optimizer state.</summary>
    public static NetworkCheckpoint Capture(TrainingSimulation simulation, int? dataSeed = null)
    {
        var network = NetworkCheckpoint.Capture(simulation);
        var options = simulation.Options;
        var optimizer = options.Optimizer;
        var other = new Dictionary<string, string>(network.Metadata!.Other, StringComparer.Ordinal)
        {
            [Keys.LearningRate] = Text(options.LearningRate),
            [Keys.OptimizerSteps] = simulation.Context.OptimizerSteps.ToString(CultureInfo.InvariantCulture),
            [Keys.L1] = Text(options.L1),
            [Keys.L2] = Text(options.L2),
            [Keys.BatchSize] = options.BatchSize.ToString(CultureInfo.InvariantCulture),
            [Keys.ShuffleSeed] = options.ShuffleSeed.ToString(CultureInfo.InvariantCulture),
            [Keys.Leak] = Text(simulation.Spec.Leak),
            [Keys.TargetLoss] = Text(options.TargetLoss),
        };
        double[] hyper = [optimizer.Momentum, optimizer.Beta1, optimizer.Beta2, optimizer.Eps, optimizer.Alpha];
        for (var k = 0; k < hyper.Length; k++) other[Keys.OptimizerHyperParameters[k]] = Text(hyper[k]);
        if (options.Regularized) other[Keys.Penalty] = Text(simulation.Context.Penalty);
        var metadata = network.Metadata with
        {
            Loss = Losses.Of(options.Loss).Name,
            Optimizer = Systems.Optimizers.Of(optimizer.Kind).Name,
            OptimizerSettings = Systems.Optimizers.Describe(optimizer),
            DataSeed = dataSeed ?? network.Metadata.DataSeed,
            Other = other,
        };
        return network.WithMetadata(metadata).WithOptimizerState(ReadState(simulation));
    }

    /// <summary>
    /// The training options the checkpoint records, for any the user did not give; null for a file
    /// without NeuronSim's training metadata (a PyTorch file, or one written before it was recorded).
    /// </summary>
    /// <exception cref="ArgumentException">A recorded value cannot be read (the message names the key).</exception>
    public static TrainingOptions? Options(NetworkCheckpoint checkpoint)
    {
        if (checkpoint.Metadata is not { Loss: { } loss, Optimizer: { } optimizer } metadata
            || !metadata.Other.ContainsKey(Keys.LearningRate)) return null;
        var values = metadata.Other;
        double Real(string key) => double.TryParse(values.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"checkpoint metadata '{key}' is not a number");
        int Whole(string key) => int.TryParse(values.GetValueOrDefault(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"checkpoint metadata '{key}' is not a whole number");
        var hyper = Keys.OptimizerHyperParameters.Select(Real).ToArray();
        return new TrainingOptions
        {
            LearningRate = Real(Keys.LearningRate),
            TargetLoss = Real(Keys.TargetLoss),
            Loss = Losses.Parse(loss, "checkpoint metadata 'loss'"),
            Optimizer = new OptimizerSettings
            {
                Kind = Systems.Optimizers.Parse(optimizer, "checkpoint metadata 'optimizer'"),
                Momentum = hyper[0], Beta1 = hyper[1], Beta2 = hyper[2], Eps = hyper[3], Alpha = hyper[4],
            },
            L1 = Real(Keys.L1),
            L2 = Real(Keys.L2),
            BatchSize = Whole(Keys.BatchSize),
            ShuffleSeed = Whole(Keys.ShuffleSeed),
        };
    }

    /// <summary>The leaky-ReLU slope the checkpoint records, if any.</summary>
    public static double? Leak(NetworkCheckpoint checkpoint) =>
        checkpoint.Metadata?.Other.GetValueOrDefault(Keys.Leak) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var leak) ? leak : null;

    /// <summary>
    /// Puts the checkpoint into <paramref name="simulation"/> (built from its spec and options):
    /// weights, biases, optimizer state, the epoch and step counts; the simulation then continues the saved run
    /// (one saved converged or at its epoch limit is judged so: no further epoch unless resumed).
    /// </summary>
    /// <exception cref="ArgumentException">The network's shape differs, or the optimizer state does not fit the simulation's optimizer.</exception>
    public static void Restore(NetworkCheckpoint checkpoint, TrainingSimulation simulation)
    {
        checkpoint.ApplyTo(simulation);
        WriteState(checkpoint, simulation);
        var context = simulation.Context;
        context.Epoch = checkpoint.Epoch;
        context.Schedule.NextEpoch = checkpoint.Epoch;
        context.OptimizerSteps = checkpoint.Metadata?.Other.GetValueOrDefault(Keys.OptimizerSteps) is { } steps
            ? long.TryParse(steps, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new ArgumentException($"metadata '{Keys.OptimizerSteps}' is '{steps}', not a whole number of at least 0")
            : 0;
        (context.Loss, context.Accuracy) = simulation.Evaluate();
        if (checkpoint.Metadata?.Other.GetValueOrDefault(Keys.Penalty) is { } penalty
            && double.TryParse(penalty, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) context.Penalty = value;
        simulation.JudgeRestored();
    }

    private static List<NamedTensor> ReadState(TrainingSimulation simulation)
    {
        var tensors = new List<NamedTensor>();
        var topology = simulation.Topology;
        foreach (var (name, get, _) in State[simulation.Options.Optimizer.Kind])
        {
            for (var l = 1; l < topology.Layers.Length; l++)
            {
                var (layer, below) = (topology.Layers[l], topology.Layers[l - 1]);
                var weights = new double[layer.Size * below.Size];
                for (var j = 0; j < layer.Size; j++)
                {
                    for (var i = 0; i < below.Size; i++)
                    {
                        var entity = topology.WeightEntityOrNull(l, i, j);
                        if (entity != Entity.Null) weights[j * below.Size + i] = get(simulation.World, entity);
                    }
                }
                tensors.Add(new NamedTensor($"{CheckpointKeys.OptimizerTensorPrefix}{StateDictLayout.WeightName(l)}.{name}", [layer.Size, below.Size], weights));
                if (!layer.HasBias) continue;
                var biases = layer.Neurons.Select(n => get(simulation.World, n)).ToArray();
                tensors.Add(new NamedTensor($"{CheckpointKeys.OptimizerTensorPrefix}{StateDictLayout.BiasName(l)}.{name}", [layer.Size], biases));
            }
        }
        return tensors;
    }

    private static void WriteState(NetworkCheckpoint checkpoint, TrainingSimulation simulation)
    {
        var byName = checkpoint.OptimizerState.ToDictionary(t => t.Name);
        var topology = simulation.Topology;
        foreach (var (name, _, set) in State[simulation.Options.Optimizer.Kind])
        {
            for (var l = 1; l < topology.Layers.Length; l++)
            {
                var (layer, below) = (topology.Layers[l], topology.Layers[l - 1]);
                var weights = Tensor($"{StateDictLayout.WeightName(l)}.{name}", [layer.Size, below.Size]);
                if (weights is null) continue; // no state saved (another optimizer, or a file from elsewhere): start from zero, as torch does
                for (var j = 0; j < layer.Size; j++)
                {
                    for (var i = 0; i < below.Size; i++)
                    {
                        var entity = topology.WeightEntityOrNull(l, i, j);
                        if (entity != Entity.Null) set(simulation.World, entity, weights[j * below.Size + i]);
                    }
                }
                if (!layer.HasBias || Tensor($"{StateDictLayout.BiasName(l)}.{name}", [layer.Size]) is not { } biases) continue;
                for (var j = 0; j < layer.Size; j++) set(simulation.World, layer.Neurons[j], biases[j]);
            }
        }

        double[]? Tensor(string name, int[] shape)
        {
            if (!byName.TryGetValue(CheckpointKeys.OptimizerTensorPrefix + name, out var tensor)) return null;
            if (!tensor.Shape.SequenceEqual(shape)) throw new ArgumentException($"optimizer state '{tensor.Name}' has shape {NamedTensor.ShapeText(tensor.Shape)}, the network needs {NamedTensor.ShapeText(shape)}");
            if (tensor.Values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"optimizer state '{tensor.Name}' holds a NaN or infinite value");
            return tensor.Values;
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
