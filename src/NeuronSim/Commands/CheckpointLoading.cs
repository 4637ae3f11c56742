using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Commands;

/// <summary>
/// <c>--load FILE</c>: a simulation that continues the run saved in a checkpoint. The network's
/// shape comes from the file (an option given on the command line that contradicts it is an
/// error naming both); training settings and the data come from the file unless given; the epoch
/// count, optimizer state and mini-batch order continue, and <c>--epochs</c> stays the epoch at
/// which training stops. A file PyTorch wrote (no NeuronSim metadata) starts at epoch 0 with the
/// command line's settings.
/// </summary>
public static class CheckpointLoading
{
    /// <summary>The options that shape the network: given with --load, they must agree with the file.</summary>
    private static readonly string[] ShapeOptions = ["--hidden", "--activation", "--output-activation", "--no-bias", "--features", "--leak"];

    /// <summary>The metadata keys of the data recipe <see cref="DataRecipe"/> writes.</summary>
    private const string PointsKey = "points", NoiseKey = "noise", TestRatioKey = "test_ratio";

    /// <summary>What a checkpoint should record about the data so --load can rebuild it: points, noise, test ratio (the name and seed are recorded already).</summary>
    public static IReadOnlyDictionary<string, string> DataRecipe(NetworkSettings settings) => new Dictionary<string, string>
    {
        [PointsKey] = settings.Points?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        [NoiseKey] = Network.Formatting.Numbers.RoundTrip(settings.Noise),
        [TestRatioKey] = Network.Formatting.Numbers.RoundTrip(settings.TestRatio),
    };

    /// <summary>Saves the run of <paramref name="simulation"/> (network, settings, optimizer state, data recipe) to <paramref name="path"/>, atomically.</summary>
    public static void Save(TrainingSimulation simulation, NetworkSettings settings, string path)
    {
        var checkpoint = TrainingCheckpoint.Capture(simulation, settings.DataSeed);
        var metadata = checkpoint.Metadata!;
        var other = new Dictionary<string, string>(metadata.Other);
        foreach (var (key, value) in DataRecipe(settings)) other[key] = value;
        checkpoint.WithMetadata(metadata with { Other = other }).Save(path);
    }

    /// <summary>The simulation that continues the checkpoint at <paramref name="path"/>, with the command line's <paramref name="settings"/> (as typed: <paramref name="arguments"/>) filling in what the file does not say.</summary>
    /// <exception cref="CheckpointException">The file is bad (exit 2).</exception>
    /// <exception cref="ArgumentException">An option contradicts the file (exit 2).</exception>
    public static TrainingSimulation Continue(string path, NetworkSettings settings, IReadOnlyList<string> arguments) =>
        Continue(path, settings, arguments, out _);

    /// <summary>
    /// As <see cref="Continue(string, NetworkSettings, IReadOnlyList{string})"/>; <paramref name="data"/> is the data recipe the
    /// run goes on with (the file's unless given): what a save of the continued run records, so that a checkpoint of a
    /// checkpoint rebuilds the same points.
    /// </summary>
    public static TrainingSimulation Continue(string path, NetworkSettings settings, IReadOnlyList<string> arguments, out NetworkSettings data)
    {
        var checkpoint = NetworkCheckpoint.Load(path);
        bool Given(string option) => arguments.Any(a => a == option || a.StartsWith(option + "=", StringComparison.Ordinal));

        var typed = settings.ToSpec();
        var activation = Given("--activation") ? typed.HiddenActivations[0] : Network.Components.Activation.Sigmoid;
        var fromFile = checkpoint.ToSpec(activation, Given("--features") || checkpoint.Metadata?.Features is null && checkpoint.LayerSizes[0] != 2 ? typed.Features : null);
        fromFile = fromFile with { Leak = TrainingCheckpoint.Leak(checkpoint) ?? typed.Leak, Seed = Given("--seed") ? typed.Seed : fromFile.Seed };
        foreach (var option in ShapeOptions.Where(Given))
        {
            var (mine, theirs) = Describe(option, typed, fromFile);
            if (mine != theirs) throw new ArgumentException($"{option} {mine} contradicts {path}, whose network has {theirs}: leave {option} out to continue that network");
        }

        TrainingOptions? saved;
        try
        {
            saved = TrainingCheckpoint.Options(checkpoint);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"{path}: {error.Message}");
        }
        var options = saved is null ? settings.ToOptions() : Merge(saved, settings.ToOptions(), Given);
        data = DataFor(checkpoint, settings, Given);
        var split = ReferenceEquals(data, settings) ? settings.ToSplit() : Live.DataChoice.From(data).Split();
        options.ValidateFor(split.Train.Count);
        var simulation = new TrainingSimulation(fromFile, split.Train, options, split.TestIsTraining ? null : split.Test);
        try
        {
            TrainingCheckpoint.Restore(checkpoint, simulation);
        }
        catch (ArgumentException error)
        {
            simulation.Dispose();
            throw new ArgumentException($"{path}: {error.Message}");
        }
        return simulation;
    }

    /// <summary>The file's settings, with every training option given on the command line taking precedence (--epochs always comes from the command line).</summary>
    private static TrainingOptions Merge(TrainingOptions saved, TrainingOptions typed, Func<string, bool> given) => saved with
    {
        MaxEpochs = typed.MaxEpochs,
        LearningRate = given("--lr") ? typed.LearningRate : saved.LearningRate,
        TargetLoss = given("--target-loss") ? typed.TargetLoss : saved.TargetLoss,
        Loss = given("--loss") ? typed.Loss : saved.Loss,
        Optimizer = saved.Optimizer with
        {
            Kind = given("--optimizer") ? typed.Optimizer.Kind : saved.Optimizer.Kind,
            Momentum = given("--momentum") ? typed.Optimizer.Momentum : saved.Optimizer.Momentum,
            Beta1 = given("--beta1") ? typed.Optimizer.Beta1 : saved.Optimizer.Beta1,
            Beta2 = given("--beta2") ? typed.Optimizer.Beta2 : saved.Optimizer.Beta2,
            Eps = given("--eps") ? typed.Optimizer.Eps : saved.Optimizer.Eps,
            Alpha = given("--alpha") ? typed.Optimizer.Alpha : saved.Optimizer.Alpha,
        },
        L1 = given("--l1") ? typed.L1 : saved.L1,
        L2 = given("--l2") ? typed.L2 : saved.L2,
        BatchSize = given("--batch-size") ? typed.BatchSize : saved.BatchSize,
        ShuffleSeed = given("--shuffle-seed") ? typed.ShuffleSeed : saved.ShuffleSeed,
    };

    /// <summary>The data the file was trained on (name, seed, points, noise, test ratio), unless --data and the like are given.</summary>
    private static NetworkSettings DataFor(NetworkCheckpoint checkpoint, NetworkSettings settings, Func<string, bool> given)
    {
        if (checkpoint.Metadata is not { } metadata || given("--data") || metadata.DataSet.Length == 0) return settings;
        var recipe = metadata.Other;
        double Real(string key, double fallback) => double.TryParse(recipe.GetValueOrDefault(key), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
        var points = int.TryParse(recipe.GetValueOrDefault(PointsKey), out var p) ? p : (int?)null;
        var seed = given("--data-seed") ? settings.DataSeed : metadata.DataSeed ?? settings.DataSeed;
        return new NetworkSettings
        {
            Data = metadata.DataSet,
            Points = given("--points") ? settings.Points : points,
            DataSeed = seed,
            Noise = given("--noise") ? settings.Noise : Real(NoiseKey, settings.Noise),
            TestRatio = given("--test-ratio") ? settings.TestRatio : Real(TestRatioKey, settings.TestRatio),
        };
    }

    private static (string Mine, string Theirs) Describe(string option, NetworkSpec mine, NetworkSpec theirs) => option switch
    {
        "--hidden" => (string.Join(',', mine.Hidden), string.Join(',', theirs.Hidden)),
        "--activation" => (Activations(mine), Activations(theirs)),
        "--output-activation" => (Network.Model.Activations.NameOf(mine.OutputActivation), Network.Model.Activations.NameOf(theirs.OutputActivation)),
        "--no-bias" => (mine.UseBias ? "biases" : "no biases", theirs.UseBias ? "biases" : "no biases"),
        "--features" => (mine.Features.ToString(), theirs.Features.ToString()),
        _ => (Network.Formatting.Numbers.RoundTrip(mine.Leak), Network.Formatting.Numbers.RoundTrip(theirs.Leak)),
    };

    private static string Activations(NetworkSpec spec) =>
        string.Join(',', Enumerable.Range(1, spec.Hidden.Count).Select(l => Network.Model.Activations.NameOf(spec.ActivationOf(l).Kind)).Distinct());
}
