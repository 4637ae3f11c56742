using System.Reflection;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>One option of a command as its settings class declares it: names, whether it takes a value, and the value's form.</summary>
/// <param name="Name">The first long name with dashes ("--lr"), or the short one ("-x") when it has no long name.</param>
/// <param name="LongNames">Long names without dashes.</param>
/// <param name="ShortNames">Short names without the dash.</param>
/// <param name="Form">The value's form; null for a flag (an option without a value).</param>
public sealed record OptionSyntax(string Name, IReadOnlyList<string> LongNames, IReadOnlyList<string> ShortNames, ValueForm? Form)
{
    /// <summary>Whether the option is a flag (<c>--no-bias</c>) rather than one that takes a value.</summary>
    public bool IsFlag => Form is null;

    /// <summary>The options and the number of positional arguments of the settings class <paramref name="settings"/> (inherited ones included).</summary>
    public static (IReadOnlyList<OptionSyntax> Options, int Arguments, bool ArgumentsUnbounded) Of(Type settings)
    {
        var options = new List<OptionSyntax>();
        var arguments = 0;
        var unbounded = false;
        foreach (var property in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                var name = option.LongNames.Count > 0 ? "--" + option.LongNames[0] : "-" + option.ShortNames[0];
                var form = option.ValueName is null || property.PropertyType == typeof(bool) ? null : ValueForm.Of(property, option.ValueName);
                options.Add(new OptionSyntax(name, option.LongNames, option.ShortNames, form));
            }
            else if (property.GetCustomAttribute<CommandArgumentAttribute>() is not null)
            {
                arguments++;
                unbounded |= property.PropertyType.IsArray;
            }
        }
        return (options, arguments, unbounded);
    }

    /// <summary>The settings class of a command class (<c>TrainCommand : Command&lt;TrainSettings&gt;</c> gives TrainSettings).</summary>
    public static Type SettingsOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings)) return settings;
        }
        return typeof(EmptyCommandSettings);
    }
}
