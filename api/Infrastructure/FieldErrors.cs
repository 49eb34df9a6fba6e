namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Validation errors keyed by the field at fault (JSON path without "$."), as ProblemDetails reports
/// them. Made for every event validated, so nothing is allocated until there is an error.
/// </summary>
public sealed class FieldErrors
{
    private Dictionary<string, List<string>>? errors;

    public bool IsEmpty => errors is null;

    public void Add(string field, string message)
    {
        errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Adds an error when <paramref name="value"/> is missing or blank; true when present.</summary>
    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return false;
        }

        return true;
    }

    /// <summary>Adds an error when an object (a kind's detail) is missing; true when present.</summary>
    public bool Present(string field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            Add(field, "is required");
            return false;
        }

        return true;
    }

    public bool Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required");
            return false;
        }

        return true;
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"must be at most {max} characters");
        }
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}");
        }
    }

    /// <summary>The first field and message, for single-line reasons in batch results.</summary>
    public (string Field, string Message) First()
    {
        var first = (errors ?? throw new InvalidOperationException("There are no errors.")).First();
        return (first.Key, first.Value[0]);
    }

    public Dictionary<string, string[]> ToDictionary() => (errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
