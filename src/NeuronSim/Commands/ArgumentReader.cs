using System.Text;

namespace NeuronSim.Commands;

/// <summary>
/// Reads a command line against the options the command's settings class declares, before
/// Spectre.Console.Cli binds it, so that every mistake is one line naming the option and the
/// expected form ("--lr: expected a number, got 'abc'"), and values that start with a dash
/// (<c>--lr -1e-3</c>, <c>--out -</c>) or look like help (<c>--lr -h</c>) are read as values.
/// Returns the arguments with each option value attached (<c>--lr=-1e-3</c>) so that Spectre reads
/// them the same way.
/// </summary>
public static class ArgumentReader
{
    private const int QuotedLength = 40;

    /// <summary>
    /// Checks <paramref name="args"/> (command name first) against <paramref name="commands"/> (name to settings class);
    /// throws <see cref="UsageException"/> with a one-line reason.
    /// </summary>
    public static IReadOnlyList<string> Read(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> commands)
    {
        if (args.Count == 0 || args[0] == "cli" || IsHelp(args[0]) || args[0] is "-v" or "--version") return args;
        if (args[0].StartsWith('-'))
        {
            throw new UsageException($"unknown option {Quote(args[0])} before the command; usage: neuronsim COMMAND [OPTIONS] (the commands are {string.Join(", ", commands.Keys)}; --help, --version)");
        }
        if (!commands.TryGetValue(args[0], out var settings))
        {
            var known = string.Join(", ", commands.Keys);
            var guess = Closest(args[0], commands.Keys);
            throw new UsageException($"unknown command {Quote(args[0])}{(guess is null ? "" : $" (did you mean {guess}?)")}; the commands are {known}");
        }
        var command = args[0];
        var (options, slots, unbounded) = OptionSyntax.Of(settings);
        var result = new List<string>(args.Count) { command };
        var positional = 0;
        string? lastFlag = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                // No command takes arguments after "--" (Spectre would keep them aside, unread): say so rather than ignore them.
                if (i + 1 < args.Count) throw new UsageException($"{command}: unexpected argument {Quote(args[i + 1])} after --; see neuronsim {command} --help");
                break;
            }
            if (IsHelp(arg))
            {
                result.Add(arg);
                continue;
            }
            if (!IsOption(arg))
            {
                if (!unbounded && positional >= slots)
                {
                    var because = lastFlag is not null && result[^1] == lastFlag ? $" ({lastFlag} takes no value)" : "";
                    throw new UsageException($"{command}: unexpected argument {Quote(arg)}{because}; see neuronsim {command} --help");
                }
                positional++;
                result.Add(arg);
                continue;
            }
            var isLong = arg.StartsWith("--", StringComparison.Ordinal);
            var name = isLong ? arg[2..] : arg[1..];
            string? inline = null;
            var separator = name.IndexOfAny(['=', ':']);
            if (separator >= 0)
            {
                inline = name[(separator + 1)..];
                name = name[..separator];
            }
            var option = options.FirstOrDefault(o => isLong ? o.LongNames.Contains(name) : o.ShortNames.Contains(name))
                ?? throw Unknown(command, (isLong ? "--" : "-") + name, options);
            if (option.Form is not { } form)
            {
                if (inline is not null && !IsBoolean(inline)) throw new UsageException($"{option.Name} takes no value, got {Quote(inline)}");
                if (inline is null && i + 1 < args.Count && IsBoolean(args[i + 1])) inline = args[++i];
                result.Add(inline is null ? option.Name : $"{option.Name}={inline}");
                lastFlag = result[^1];
                continue;
            }
            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null) throw new UsageException($"{option.Name}: expected {form.Expected}, got nothing");
            if (IsHelp(value) || (value.StartsWith("--", StringComparison.Ordinal) && options.Any(o => o.LongNames.Contains(value[2..].Split('=', ':')[0]))))
            {
                throw new UsageException($"{option.Name}: expected {form.Expected}, got the option {Quote(value)}");
            }
            if (form.Problem(value) is { } expected) throw new UsageException($"{option.Name}: expected {expected}, got {Quote(value)}");
            // "--name=value" is read as one token whatever the value starts with; an empty value stays a separate (empty) argument.
            if (value.Length == 0) result.AddRange([option.Name, value]);
            else result.Add($"{option.Name}={value}");
        }
        return result;
    }

    /// <summary>A value as it is quoted in a message: in single quotes, control characters escaped, cut to a readable length.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value.Length > QuotedLength ? value[..QuotedLength] : value)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        if (value.Length > QuotedLength) text.Append($"…' ({value.Length} characters)");
        else text.Append('\'');
        return text.ToString();
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?";

    private static bool IsBoolean(string text) => text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>"-x" and "--xyz" are options; "-", "-1" and "-.5" are values (Spectre reads a dash then a digit as a value too).</summary>
    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-' && !char.IsDigit(arg[1]) && arg[1] != '.';

    private static UsageException Unknown(string command, string given, IReadOnlyList<OptionSyntax> options)
    {
        var guess = Closest(given, options.Select(o => o.Name));
        return new UsageException($"{command}: unknown option {Quote(given)}{(guess is null ? "" : $" (did you mean {guess}?)")}; see neuronsim {command} --help");
    }

    /// <summary>The candidate within two edits of <paramref name="given"/> (case ignored), if any.</summary>
    private static string? Closest(string given, IEnumerable<string> candidates)
    {
        if (given.Length > 64) return null;
        return candidates.Select(c => (Name: c, Distance: Distance(given.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
