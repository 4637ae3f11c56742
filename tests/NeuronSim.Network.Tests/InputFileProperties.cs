using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Network.Tests;

/// <summary>Mutated data files and checkpoints: each is read or refused with one line naming the file, never anything else.</summary>
public sealed class InputFileProperties : IDisposable
{
    private static readonly string ValidCsv = "x0,x1,label\n0.1,0.2,0\n0.9;0.8;1\n\n0.5,0.5,1\n-3e2,4,0\n";
    private static readonly byte[] ValidCheckpoint = MakeCheckpoint();
    private readonly string _dir = Directory.CreateTempSubdirectory("neuronsim-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Property(MaxTest = 400)]
    public void A_mutated_csv_is_read_or_refused_with_file_and_line(int seed)
    {
        var text = Mutate(ValidCsv, new Random(seed), "0123456789.,;-+eE \n\r\t\"abcNaInfy∞\0\uFEFF");
        var path = Path.Combine(_dir, $"fuzz-{seed}.csv");
        File.WriteAllText(path, text);
        try
        {
            var data = DataFile.Read(path);
            Assert.All(data.Labels, label => Assert.True(label is 0 or 1));
            Assert.All(data.X0.Concat(data.X1), x => Assert.True(double.IsFinite(x)));
        }
        catch (DataFileException error)
        {
            Assert.StartsWith(path, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    [Property(MaxTest = 300)]
    public void A_mutated_checkpoint_loads_into_a_network_or_is_refused_with_the_file(int seed)
    {
        var random = new Random(seed);
        var bytes = ValidCheckpoint.ToArray();
        for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        if (random.Next(4) == 0) bytes = bytes[..random.Next(bytes.Length)];
        var path = Path.Combine(_dir, $"fuzz-{seed}.safetensors");
        File.WriteAllBytes(path, bytes);
        try
        {
            var checkpoint = NetworkCheckpoint.Load(path);
            var spec = checkpoint.ToSpec();
            using var simulation = new TrainingSimulation(spec, DataSets.Xor(), TrainingCheckpoint.Options(checkpoint) ?? new TrainingOptions());
            TrainingCheckpoint.Restore(checkpoint, simulation);
            simulation.Step(2);
        }
        catch (CheckpointException error)
        {
            Assert.StartsWith(path, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        catch (ArgumentException error)
        {
            // A file that decodes but names settings or a shape the engine refuses: one line, as the CLI prints it.
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToList();
        for (var k = random.Next(1, 6); k > 0; k--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) chars[at] = alphabet[random.Next(alphabet.Length)]; break;
            }
        }
        return new string([.. chars]);
    }

    private static byte[] MakeCheckpoint()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuronsim-fuzz-seed-{Environment.ProcessId}.safetensors");
        using var simulation = new TrainingSimulation(NetworkSpec.Uniform([3, 2], Components.Activation.Tanh, true, 1), DataSets.Xor(),
            new TrainingOptions { Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam }, LearningRate = 0.01 });
        simulation.Step(3);
        TrainingCheckpoint.Capture(simulation).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }
}
