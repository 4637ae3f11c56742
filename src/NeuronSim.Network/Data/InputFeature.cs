namespace NeuronSim.Network.Data;

/// <summary>One input the network can be given, computed from a raw point (x0, x1).</summary>
/// <param name="Name">The name users type (<c>--features x0,x1,x0sq</c>).</param>
/// <param name="Label">How a picture labels it (<c>x0²</c>, <c>sin x1</c>).</param>
/// <param name="Of">The feature's value at (x0, x1).</param>
public sealed record InputFeature(string Name, string Label, Func<double, double, double> Of);
