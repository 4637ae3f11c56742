using NeuronSim.Live;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Cli.Tests;

/// <summary>The live view's controller without a window (the lab's 2-4-4-1 on xor, paused), its action log kept for the test to read.</summary>
public abstract class LoggedControllerTests
{
    /// <summary>What the controller printed as its action log.</summary>
    protected StringWriter ActionLog { get; } = new();

    /// <summary>A paused controller on xor whose action log goes to <see cref="ActionLog"/>.</summary>
    protected WatchController Controller()
    {
        var controller = new WatchController(new NetworkSpec(), "xor", null, new TrainingOptions(), playing: false);
        controller.ActionLog = ActionLog;
        return controller;
    }
}
