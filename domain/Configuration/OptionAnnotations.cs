using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// The data annotations ([Required], [Range]) of an options class and of everything it holds, checked
/// all the way down: the framework's own check stops at the top level, so a range on a nested
/// setting (a theme threshold's window) was never enforced. Paths are the document's JSON paths.
/// </summary>
public sealed class OptionAnnotations<TOptions> : OptionsValidator<TOptions>
    where TOptions : class
{
    protected override void Check(TOptions options, OptionErrors errors) => Walk(options, "", errors);

    private static void Walk(object target, string path, OptionErrors errors)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(target);
            var at = Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var context = new ValidationContext(target) { MemberName = property.Name, DisplayName = at };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is { ErrorMessage: { } message })
                {
                    errors.Add(at, Describe(attribute) ?? message);
                }
            }

            Descend(value, at, errors);
        }
    }

    private static void Descend(object? value, string path, OptionErrors errors)
    {
        switch (value)
        {
            case null or string:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Descend(entry.Value, Join(path, KeyName(entry.Key)), errors);
                }

                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Descend(list[i], $"{path}[{i}]", errors);
                }

                return;
            default:
                if (IsSettings(value.GetType()))
                {
                    Walk(value, path, errors);
                }

                return;
        }
    }

    /// <summary>The error is reported at its field, so the message need not name it again.</summary>
    private static string? Describe(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum}.",
        RequiredAttribute => "is required.",
        _ => null,
    };

    /// <summary>Only our own settings classes are walked into, not framework values (TimeSpan, DateOnly).</summary>
    private static bool IsSettings(Type type) => type.IsClass && type.Namespace?.StartsWith("HealthGrid.", StringComparison.Ordinal) == true;

    private static string KeyName(object key) => key is Enum ? JsonNamingPolicy.SnakeCaseLower.ConvertName(key.ToString()!) : key.ToString()!;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
