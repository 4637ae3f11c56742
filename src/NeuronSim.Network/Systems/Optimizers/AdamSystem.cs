using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Adam with bias correction, as torch.optim.Adam(betas=(beta1, beta2), eps), at step t (from 1):
/// m &lt;- m + (1 - beta1)(g - m), v &lt;- beta2 v + (1 - beta2) g^2,
/// w &lt;- w - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
/// </summary>
public sealed class AdamSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private readonly ParallelChunks<AdamStep> _weights = new(world, new QueryDescription().WithAll<Weight, AdamMoments>().WithNone<Frozen>());
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, AdamMoments>().WithNone<Frozen>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var settings = context.Options.Optimizer;
        var t = ++context.OptimizerSteps;
        var step = new AdamStep(settings.Beta1, settings.Beta2, settings.Eps,
            context.Options.LearningRate / (1 - Math.Pow(settings.Beta1, t)), Math.Sqrt(1 - Math.Pow(settings.Beta2, t)));
        _weights.Run(step);
        foreach (var chunk in World.GetChunks(in Biases))
        {
            var w = chunk.GetSpan<Bias>();
            var m = chunk.GetSpan<AdamMoments>();
            for (var i = 0; i < w.Length; i++) w[i].Value = step.Apply(w[i].Value, w[i].Grad, ref m[i]);
        }
    }

    private readonly record struct AdamStep(double Beta1, double Beta2, double Eps, double StepSize, double BiasCorrection2Sqrt) : IChunkKernel
    {
        public void Execute(Chunk chunk)
        {
            var w = chunk.GetSpan<Weight>();
            var m = chunk.GetSpan<AdamMoments>();
            for (var i = 0; i < w.Length; i++) w[i].Value = Apply(w[i].Value, w[i].Grad, ref m[i]);
        }

        public double Apply(double value, double grad, ref AdamMoments moments)
        {
            moments.ExpAvg += (1 - Beta1) * (grad - moments.ExpAvg);
            moments.ExpAvgSq = moments.ExpAvgSq * Beta2 + (1 - Beta2) * grad * grad;
            return value - StepSize * (moments.ExpAvg / (Math.Sqrt(moments.ExpAvgSq) / BiasCorrection2Sqrt + Eps));
        }
    }
}
