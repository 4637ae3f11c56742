using NeuronSim.Commands;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>How <c>watch</c> and <c>snapshot</c> start their controller from the command line: a new run, or a loaded one (<c>--load</c>).</summary>
public static class LiveRun
{
    /// <summary>
    /// The controller for <paramref name="settings"/>: the data options through <see cref="NetworkSettings.ToSplit"/>
    /// (the held-out test set goes to the simulation), or the checkpoint <c>--load</c> names continued with the
    /// options typed in <paramref name="arguments"/> (see <see cref="CheckpointLoading.Continue(string, NetworkSettings, IReadOnlyList{string})"/>).
    /// </summary>
    public static WatchController Start(NetworkSettings settings, IReadOnlyList<string> arguments, TrainingOptions options, bool playing, int epochsPerFrame = 20)
    {
        var data = DataChoice.From(settings);
        TrainingSimulation? loaded = null;
        if (settings.Load is { } path)
        {
            loaded = CheckpointLoading.Continue(path, settings, arguments, out var recipe);
            loaded.Context.Options = loaded.Options with { MaxEpochs = options.MaxEpochs };
            // The data the run goes on with (the file's points, noise, seed and test ratio): what Ctrl+S, --save and the data keys start from.
            data = DataChoice.From(recipe);
            if (Network.Data.DataSets.Find(loaded.Data.Name) is { } entry) data = data with { Name = entry.Name };
        }
        return new WatchController(settings.ToSpec(), data, options, playing, epochsPerFrame, loaded);
    }
}
