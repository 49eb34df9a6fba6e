using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure;

/// <summary>Enum fields of request bodies, read by their wire names.</summary>
public static class EnumFields
{
    /// <summary>Parses a required value, adding an error that lists the allowed values when it is missing or unknown.</summary>
    public static T? Parse<T>(FieldErrors errors, string field, string? text, bool required = true)
        where T : struct, Enum
    {
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, $"is required; one of: {EnumNames<T>.Allowed}");
            }

            return null;
        }

        if (EnumNames<T>.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not one of: {EnumNames<T>.Allowed}");
        return null;
    }
}
