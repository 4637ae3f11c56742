namespace NeuronSim.Rendering.Frame;

/// <summary>
/// How the network as drawn (its current weights) does on the training data: the numbers the HUD
/// shows. The accuracy is counted from the rings (<c>Classification</c> on the current outputs),
/// the loss comes from <c>TrainingSimulation.Evaluate</c> (in a live window while training runs,
/// of weights at most a quarter second old).
/// </summary>
/// <param name="Loss">The loss of the current weights (NaN or infinite after a divergence).</param>
/// <param name="Accuracy">The fraction of points predicted right (a non-finite output is wrong).</param>
/// <param name="NotFinite">Points whose output is NaN or infinite: they predict nothing.</param>
/// <param name="TestAccuracy">The fraction of held-out test points predicted right (NaN without a test set).</param>
public readonly record struct NetworkEvaluation(double Loss, double Accuracy, int NotFinite, double TestAccuracy = double.NaN);
