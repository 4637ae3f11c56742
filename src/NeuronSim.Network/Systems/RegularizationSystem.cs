using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Regularization of the weights (never the biases, as torch.optim's weight_decay in a parameter
/// group of weights): penalty P = (l2/2) sum w^2 + l1 sum |w|, and dP/dw = l2 w + l1 sign(w) added
/// to each Weight.Grad. The penalty is reported apart from the data loss.
/// </summary>
public sealed class RegularizationSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private static readonly QueryDescription Weights = new QueryDescription().WithAll<Weight>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var (l1, l2) = (context.Options.L1, context.Options.L2);
        double squares = 0, absolutes = 0;
        foreach (var chunk in World.GetChunks(in Weights))
        {
            foreach (ref var w in chunk.GetSpan<Weight>())
            {
                squares += w.Value * w.Value;
                absolutes += Math.Abs(w.Value);
                w.Grad += l2 * w.Value + l1 * Math.Sign(w.Value);
            }
        }
        context.Penalty = l2 / 2 * squares + l1 * absolutes;
    }
}
