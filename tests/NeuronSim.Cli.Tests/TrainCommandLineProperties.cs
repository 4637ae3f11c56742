using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NeuronSim.Cli.Tests;

/// <summary>A train command line, shown as it would be typed (each argument quoted) when a property fails.</summary>
public sealed record TrainCommandLine(string[] Args)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Args.Select(a => $"\"{a.Replace("\n", "\\n", StringComparison.Ordinal)}\""));
}

/// <summary>
/// Random and mutated <c>train</c> command lines, run in-process: each ends in exit 0, 1 or 2 (or 130 when the test
/// stopped a long run as Ctrl+C does), within a time bound, with no unhandled exception or stack trace, and a
/// failure is one line. Values that are valid but need gigabytes (--points 2147483647, eight layers of 1024) are
/// included: the engine refuses up front what cannot fit in memory (issue 14 item 5).
/// </summary>
public class TrainCommandLineProperties
{
    /// <summary>How long a generated run may train before it is cancelled.</summary>
    private static readonly TimeSpan RunBudget = TimeSpan.FromMilliseconds(500);

    [Property(MaxTest = 300, Arbitrary = [typeof(TrainCommandLines)])]
    public void Every_train_command_line_ends_cleanly(TrainCommandLine line) => CliOutcome.AssertClean(line.Args, RunBudget);
}

/// <summary>The generators of <see cref="TrainCommandLine"/>: fully random ones and mutations of valid ones.</summary>
public static class TrainCommandLines
{
    private static readonly string[] Options =
    [
        "--data", "--points", "--hidden", "--lr", "--activation", "--no-bias", "--epochs", "--target-loss", "--seed", "--log-every",
        "--optimizer", "--loss", "--batch-size", "--features", "--test-ratio", "--noise", "--data-seed", "--output-activation", "--leak",
        "--momentum", "--beta1", "--beta2", "--eps", "--alpha", "--l1", "--l2", "--shuffle-seed", "--load", "--save", "--save-every",
        "--lr=", "--epochs=-1", "--no-bias=true", "--no-bias=maybe", "--bogus", "-x", "-h", "--help", "--", "-", "---lr", "--=x", "--LR", "--version",
    ];

    private static readonly string[] Values =
    [
        "xor", "linear", "spiral", "", " ", "0", "1", "-1", "2", "7", "100", "-0", "1e400", "-1e400", "Infinity", "-Infinity", "NaN", "abc",
        "1.5", "0.5", "0x10", "1e-300", "4.9e-324", "2147483648", "-2147483649", "99999999999999999999", "4,4", "4,,4", ",", "4,x", "0,4",
        "64,64", "1,1,1,1,1,1,1,1", "1,1,1,1,1,1,1,1,1", "1025", "sigmoid", "identity", "relu", "tanh", "softmax", "true", "false",
        "adam", "rmsprop", "momentum", "nesterov", "sgd", "bce", "mse", "circle", "gauss", "xor-quadrants", "x0,x1,x0sq", "x0,x0",
        "sinx0,sinx1", "leaky-relu", "relu,tanh", "0.3", "0.99", "1000000", "/dev/zero", "/dev/null", "/nonexistent.safetensors", "/tmp",
        "1024,1024,1024,1024,1024,1024,1024,1024",
        "\n", "\0", "é", "∞", "\u001b[2J", new string('9', 400), new string('x', 5000),
    ];

    private static readonly char[] Characters = "abcxyz019-=,. \n\0é∞\u001b".ToCharArray();

    private static readonly string[][] ValidLines =
    [
        ["train", "--epochs", "50"],
        ["train", "--data", "linear", "--points", "30", "--epochs", "20", "--log-every", "5"],
        ["train", "--hidden", "8", "--lr", "0.5", "--activation", "tanh", "--epochs", "30", "--seed", "3"],
        ["train", "--activation", "identity", "--lr", "10", "--data", "linear", "--epochs", "200"],
        ["train", "--no-bias", "--hidden", "", "--target-loss", "0.3", "--epochs", "100"],
        ["train", "--data", "spiral", "--features", "x0,x1,sinx0", "--optimizer", "adam", "--lr", "0.01", "--batch-size", "16", "--test-ratio", "0.2", "--epochs", "20"],
        ["train", "--data", "circle", "--noise", "0.2", "--loss", "bce", "--l2", "0.01", "--activation", "relu,tanh", "--epochs", "30"],
    ];

    /// <summary>Half fully random token lists after "train", half valid lines with one to three mutations.</summary>
    public static Arbitrary<TrainCommandLine> CommandLines() =>
        Gen.Frequency((1, Random()), (1, Mutated())).Select(args => new TrainCommandLine(args)).ToArbitrary();

    private static Gen<string> Token() => Gen.Frequency(
        (4, Gen.Elements(Options)),
        (4, Gen.Elements(Values)),
        (1, Gen.ArrayOf(Gen.Elements(Characters)).Select(chars => new string(chars))));

    private static Gen<string[]> Random() =>
        Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(Token(), count)).Select(tokens => (string[])["train", .. tokens]);

    private static Gen<string[]> Mutated() =>
        from line in Gen.Elements(ValidLines)
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ArrayOf(Mutation(), count)
        select mutations.Aggregate(line, (args, mutate) => mutate(args));

    /// <summary>Drop, duplicate, swap, replace or insert one argument (never the command name), or glue an option to its value.</summary>
    private static Gen<Func<string[], string[]>> Mutation() =>
        from kind in Gen.Choose(0, 5)
        from position in Gen.Choose(1, 64)
        from token in Token()
        select (Func<string[], string[]>)(args =>
        {
            if (args.Length < 2) return [.. args, token];
            var at = 1 + position % (args.Length - 1);
            var list = args.ToList();
            switch (kind)
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, list[at]); break;
                case 2 when at + 1 < list.Count: (list[at], list[at + 1]) = (list[at + 1], list[at]); break;
                case 3: list[at] = token; break;
                case 4: list.Insert(at, token); break;
                case 5 when at + 1 < list.Count: list[at] = $"{list[at]}={list[at + 1]}"; list.RemoveAt(at + 1); break;
                default: list.Add(token); break;
            }
            return [.. list];
        });
}
