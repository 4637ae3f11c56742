namespace NeuronSim.Network.Training;

/// <summary>Where a training run stands.</summary>
public enum TrainingStatus
{
    /// <summary>Still training.</summary>
    Running,

    /// <summary>The loss fell below the target.</summary>
    Converged,

    /// <summary>The maximum epoch count was reached first.</summary>
    MaxEpochsReached,

    /// <summary>The loss became NaN or infinite.</summary>
    Diverged,
}
