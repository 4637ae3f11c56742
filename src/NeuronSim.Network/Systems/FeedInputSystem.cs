using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Systems;

/// <summary>
/// Puts the next batch into the input neurons: a_i[s] = feature i of the batch's s-th point, and its
/// label into the batch labels. Entries past the batch (up to the padded length) are zeroed, so a
/// smaller last batch leaves no stale value behind.
/// </summary>
public sealed class FeedInputSystem(World world) : BaseSystem<World, TrainingContext>(world)
{
    private static readonly QueryDescription States = new QueryDescription().WithAll<NeuronState>();

    /// <inheritdoc />
    public override void Update(in TrainingContext context)
    {
        var data = context.Data;
        var inputs = context.Topology.Layers[0];
        var all = context.FeedAllPoints;
        if (!all) context.Schedule.Advance();
        var points = context.Schedule.Current;
        var samples = all ? data.Count : points.Length;
        var inOrder = all || context.Schedule.FullBatch;
        context.EnsureLabelCapacity(samples);
        for (var i = 0; i < inputs.Size; i++) Copy(context.InputColumns[i], points, inOrder, samples, inputs.Out[i]);
        Copy(data.Labels, points, inOrder, samples, context.BatchLabels);
        if (samples != context.Samples) RecordBatchSize(samples);
        context.Samples = samples;
    }

    private static void Copy(double[] source, ReadOnlySpan<int> points, bool inOrder, int samples, double[] target)
    {
        if (inOrder) source.AsSpan(0, samples).CopyTo(target);
        else for (var s = 0; s < samples; s++) target[s] = source[points[s]];
        target.AsSpan(samples, Math.Min(BatchKernels.Padded(samples), target.Length) - samples).Clear();
    }

    private void RecordBatchSize(int samples)
    {
        foreach (var chunk in World.GetChunks(in States))
        {
            foreach (ref var state in chunk.GetSpan<NeuronState>()) state.Samples = samples;
        }
    }
}
