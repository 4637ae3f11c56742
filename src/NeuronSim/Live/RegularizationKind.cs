namespace NeuronSim.Live;

/// <summary>The live view's regularization, as J cycles through it (none, L1, L2).</summary>
public enum RegularizationKind
{
    /// <summary>No penalty.</summary>
    None,

    /// <summary>L1: rate * sum |w|.</summary>
    L1,

    /// <summary>L2: rate/2 * sum w^2.</summary>
    L2,

    /// <summary>Both, as the command line can ask (J then turns them off).</summary>
    Both,
}
