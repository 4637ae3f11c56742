namespace NeuronSim.Network.Training;

/// <summary>
/// What an output predicts, the one definition every count of right and wrong uses (loss system,
/// HUD, rings on the boundary, figures, reports): class 1 when y_hat &gt;= 0.5, class 0 below,
/// and no class at all when y_hat is NaN or infinite (a diverged network predicts nothing, so
/// such a point is always counted wrong).
/// </summary>
public static class Classification
{
    /// <summary>1 when <paramref name="output"/> &gt;= 0.5, 0 below, null when it is NaN or infinite.</summary>
    public static int? Predicted(double output) => double.IsFinite(output) ? (output >= 0.5 ? 1 : 0) : null;

    /// <summary>Whether <paramref name="output"/> predicts <paramref name="label"/> (a label counts as 1 when &gt;= 0.5).</summary>
    public static bool IsCorrect(double output, double label) => Predicted(output) == (label >= 0.5 ? 1 : 0);
}
