namespace NeuronSim.Experiments.Runs;

/// <summary>What happened to a run.</summary>
public enum RunEventKind
{
    /// <summary>The run had already finished in an earlier invocation (resume): not run again.</summary>
    Skipped,

    /// <summary>A run file was there but does not stand for the run (see <see cref="RunEvent.Note"/>): it is trained again.</summary>
    Retrained,

    /// <summary>The run started.</summary>
    Started,

    /// <summary>The run is training (sent a few times a second).</summary>
    Progress,

    /// <summary>The run ended and its result is saved.</summary>
    Finished,

    /// <summary>The run was stopped by cancellation; nothing of it is saved.</summary>
    Cancelled,
}

/// <summary>A progress report of <see cref="ExperimentRunner"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Run">Which run.</param>
/// <param name="Epoch">Epochs done so far.</param>
/// <param name="Loss">The loss of the last epoch.</param>
/// <param name="Result">The result, for Finished and Skipped.</param>
/// <param name="Done">Runs finished or skipped so far, this one included.</param>
/// <param name="Total">Runs in the plan.</param>
/// <param name="Note">For Retrained: which file and why it was not reused.</param>
public sealed record RunEvent(RunEventKind Kind, PlannedRun Run, int Epoch, double Loss, RunResult? Result, int Done, int Total, string? Note = null);
