using System.Diagnostics;
using NeuronSim.Network.Training;

namespace NeuronSim.Live;

/// <summary>Training in the live view: stepping, playing within a frame's budget, and the speeds Up/Down step through.</summary>
public sealed partial class WatchController
{
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
            if (Simulation.Epoch >= Simulation.Options.MaxEpochs)
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

    private static int NearestSpeed(int epochsPerFrame)
    {
        var best = 0;
        for (var i = 1; i < Speeds.Length; i++)
        {
            if (Math.Abs(Speeds[i] - epochsPerFrame) < Math.Abs(Speeds[best] - epochsPerFrame)) best = i;
        }
        return best;
    }
}
