namespace NeuronSim.Rendering.Frame;

/// <summary>
/// How the network as drawn (its current weights) does on the training data: the numbers the HUD
/// shows, from <c>TrainingSimulation.Evaluate</c>, so they describe the same weights as the
/// boundary and its rings (both count right and wrong with <c>Classification</c>).
/// </summary>
/// <param name="Loss">The loss of the current weights (NaN or infinite after a divergence).</param>
/// <param name="Accuracy">The fraction of points predicted right (a non-finite output is wrong).</param>
/// <param name="NotFinite">Points whose output is NaN or infinite: they predict nothing.</param>
public readonly record struct NetworkEvaluation(double Loss, double Accuracy, int NotFinite);
