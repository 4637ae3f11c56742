using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using Xunit.Abstractions;

namespace NeuronSim.Network.Tests;

/// <summary>
/// A training checkpoint (Adam state, L2, mini-batches, the metadata --load reads) cut at every byte offset and with every
/// byte replaced by each of a few values: each is refused with one line, or restores into a run that trains to a finite
/// loss or says it diverged; never another exception. (The CLI's --load path: load, options, restore, train.)
/// </summary>
public sealed class TrainingCheckpointDamageTests(ITestOutputHelper log)
{
    private static readonly byte[] Replacements = [0x00, 0xFF, (byte)'"', (byte)'9', (byte)'}', (byte)'-', (byte)'e'];

    [Fact]
    public void Every_truncation_and_every_corrupted_byte_is_refused_in_one_line_or_trains()
    {
        var valid = Make();
        var outcomes = new Dictionary<string, int>();
        void Attempt(byte[] bytes, string what)
        {
            var outcome = Outcome(bytes, what);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        for (var length = 0; length < valid.Length; length++) Attempt(valid[..length], $"cut at {length}");
        foreach (var value in Replacements)
        {
            for (var at = 0; at < valid.Length; at++)
            {
                var corrupted = valid.ToArray();
                corrupted[at] = value;
                Attempt(corrupted, $"byte {at} = 0x{value:X2}");
            }
        }
        log.WriteLine($"{valid.Length} bytes; " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        // Every truncation is refused, and most corrupted bytes are too.
        Assert.True(outcomes.GetValueOrDefault("refused") > valid.Length, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("trained") > 0, string.Join(", ", outcomes));
    }

    /// <summary>"refused", "trained" or "diverged"; fails the test on anything else.</summary>
    private static string Outcome(byte[] bytes, string what)
    {
        NetworkCheckpoint checkpoint;
        TrainingOptions options;
        try
        {
            checkpoint = NetworkCheckpoint.FromTensors(SafeTensorsReader.Decode(bytes, "damaged"), "damaged");
            options = TrainingCheckpoint.Options(checkpoint) ?? new TrainingOptions();
            options.ValidateFor(DataSets.Xor().Count);
        }
        catch (CheckpointException error)
        {
            Assert.True(error.Message.StartsWith("damaged: ", StringComparison.Ordinal) && !error.Message.Contains('\n'), $"{what}: {error.Message}");
            return "refused";
        }
        catch (ArgumentException error)
        {
            Assert.False(error.Message.Contains('\n'), $"{what}: {error.Message}");
            return "refused";
        }
        try
        {
            using var simulation = new TrainingSimulation(checkpoint.ToSpec() with { Leak = TrainingCheckpoint.Leak(checkpoint) ?? 0.01 }, DataSets.Xor(),
                options with { MaxEpochs = checkpoint.Epoch + 2 });
            TrainingCheckpoint.Restore(checkpoint, simulation);
            simulation.Resume();
            var status = simulation.Step(2);
            if (status == TrainingStatus.Diverged) return "diverged";
            Assert.True(double.IsFinite(simulation.Loss), $"{what}: loss {simulation.Loss} with status {status}");
            return "trained";
        }
        catch (ArgumentException error)
        {
            // a shape or a value the engine refuses (the CLI prints it as one line, exit 2)
            Assert.False(error.Message.Contains('\n'), $"{what}: {error.Message}");
            return "refused";
        }
    }

    private static byte[] Make()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-damage-{Environment.ProcessId}-{Guid.NewGuid():N}.safetensors");
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3], Components.Activation.Tanh, true, 2), DataSets.Xor(),
            new TrainingOptions { Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }, LearningRate = 0.01, L2 = 0.001, BatchSize = 8 });
        simulation.Step(3);
        TrainingCheckpoint.Capture(simulation).Save(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
