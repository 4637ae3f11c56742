using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Commands;

/// <summary>
/// What an option's value must look like, read from the option's property type and value name:
/// "a number", "a whole number", "a file name". <see cref="Problem"/> says what was expected when a
/// text does not fit, so every parse error can read "--lr: expected a number, got 'abc'".
/// </summary>
public sealed class ValueForm
{
    private readonly Func<string, string?> _problem;

    private ValueForm(string expected, Func<string, string?> problem)
    {
        Expected = expected;
        _problem = problem;
    }

    /// <summary>The form in words, as in "expected a number".</summary>
    public string Expected { get; }

    /// <summary>What was expected if <paramref name="text"/> does not fit the form ("a number"), else null.</summary>
    public string? Problem(string text) => _problem(text);

    /// <summary>A finite floating-point number (NaN and infinities are refused: no option means them).</summary>
    public static ValueForm Number { get; } = new("a number", text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (double.IsFinite(value) ? null : "a finite number") : "a number");

    /// <summary>A whole number that fits a 32-bit integer.</summary>
    public static ValueForm WholeNumber { get; } = Whole<int>(int.MinValue, int.MaxValue);

    /// <summary>A name of a file to write or read (not empty).</summary>
    public static ValueForm FileName { get; } = new("a file name", text => string.IsNullOrWhiteSpace(text) ? "a file name" : null);

    /// <summary>A name of a directory (not empty).</summary>
    public static ValueForm DirectoryName { get; } = new("a directory", text => string.IsNullOrWhiteSpace(text) ? "a directory" : null);

    /// <summary>The form of the option on <paramref name="property"/>, whose template names its value <paramref name="valueName"/>.</summary>
    public static ValueForm Of(PropertyInfo property, string valueName)
    {
        var type = property.PropertyType;
        if (type.IsArray) type = type.GetElementType()!;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(float)) return Number;
        if (type == typeof(int)) return WholeNumber;
        if (type == typeof(long)) return Whole<long>(long.MinValue, long.MaxValue);
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToArray();
            var expected = "one of " + string.Join(", ", names);
            return new(expected, text => Enum.TryParse(type, text, ignoreCase: true, out _) && !text.Any(char.IsDigit) ? null : expected);
        }
        if (type == typeof(string))
        {
            return valueName.ToUpperInvariant() switch
            {
                "PATH" or "FILE" => FileName,
                "DIR" or "DIRECTORY" => DirectoryName,
                _ => new($"a value <{valueName}>", _ => null),
            };
        }
        var converter = property.GetCustomAttribute<TypeConverterAttribute>() is { } attribute && Type.GetType(attribute.ConverterTypeName) is { } converterType
            ? (TypeConverter)Activator.CreateInstance(converterType)!
            : TypeDescriptor.GetConverter(type);
        var generic = $"a value <{valueName}>";
        return new(generic, text =>
        {
            try
            {
                _ = converter.ConvertFromInvariantString(text);
                return null;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return generic;
            }
        });
    }

    private static ValueForm Whole<T>(T min, T max) where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var range = $"a whole number from {Numbers.Count(long.CreateSaturating(min))} to {Numbers.Count(long.CreateSaturating(max))}";
        return new("a whole number", text =>
        {
            if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) return null;
            return BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? range : "a whole number";
        });
    }
}
