namespace NeuronSim.Network.Model;

/// <summary>An optimizer and its hyper-parameters, with torch.optim's defaults.</summary>
public sealed record OptimizerSettings
{
    /// <summary>Which optimizer.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Sgd;

    /// <summary>mu of momentum and Nesterov.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Adam's beta1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's beta2.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>The epsilon of RMSprop and Adam.</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>RMSprop's smoothing constant alpha.</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option when a setting is out of range.</summary>
    public void Validate()
    {
        InUnitInterval(Momentum, "--momentum");
        InUnitInterval(Beta1, "--beta1");
        InUnitInterval(Beta2, "--beta2");
        InUnitInterval(Alpha, "--alpha");
        if (!(Eps > 0) || double.IsInfinity(Eps)) throw new ArgumentException($"--eps must be a positive number, got {Eps}");
    }

    /// <summary>"adam (beta1 0.9, beta2 0.999, eps 1e-08)": the settings that matter to this optimizer.</summary>
    public override string ToString() => Systems.Optimizers.Describe(this);

    private static void InUnitInterval(double value, string option)
    {
        if (!(value >= 0 && value < 1)) throw new ArgumentException($"{option} must be in [0, 1), got {value}");
    }
}
