namespace NeuronSim.Rendering.Frame;

/// <summary>One line of the help overlay: the keys and what they do (the live view's key table supplies them).</summary>
/// <param name="Keys">The keys, as shown ("N or Right").</param>
/// <param name="What">What they do.</param>
public sealed record KeyHelpLine(string Keys, string What);
