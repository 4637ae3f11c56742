using NeuronSim.Ecs;
using NeuronSim.Network.Components;
using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

/// <summary>The dense view of the entities follows the world when its structure changes.</summary>
public class TopologyTests
{
    private struct Inspected;

    [Fact]
    public void Moving_weight_entities_to_another_archetype_rebuilds_the_view_and_training_goes_on_the_same()
    {
        using var moved = NetworkFactory.Create([5, 3], seed: 4, data: DataSets.Linear(40, seed: 1));
        using var twin = NetworkFactory.Create([5, 3], seed: 4, data: DataSets.Linear(40, seed: 1));
        moved.Step(100);
        twin.Step(100);
        var before = moved.Topology;

        // Tag every other weight entity (as an optimizer would add its state): they change archetype,
        // and the rows of both archetypes are reordered by the swap-back removals.
        var weights = new List<Entity>();
        moved.World.Query(new QueryDescription().WithAll<Synapse, Weight>(), (Entity e, ref Synapse _) => weights.Add(e));
        for (var k = 0; k < weights.Count; k += 2) moved.World.Add(weights[k], new Inspected());

        Assert.True(before.IsStale);
        moved.Step(200);
        twin.Step(200);

        Assert.NotSame(before, moved.Topology);
        Assert.Equal(twin.Context.LossHistory, moved.Context.LossHistory);
    }

    [Fact]
    public void A_synapse_that_skips_a_layer_is_refused_with_a_clear_message()
    {
        using var simulation = NetworkFactory.Create([3]);
        var world = simulation.World;
        Entity input = default, output = default;
        world.Query(new QueryDescription().WithAll<Neuron>(), (Entity e, ref Neuron n) =>
        {
            if (n.Layer == 0 && n.Index == 0) input = e;
            if (n.Layer == 2) output = e;
        });
        world.Create(new Synapse(input, output), new Weight { Value = 1 });

        var error = Assert.Throws<InvalidOperationException>(() => simulation.Step());
        Assert.Contains("consecutive layers", error.Message);
    }
}
