namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Request errors keyed by the field at fault (JSON path without "$."), as ProblemDetails reports
/// them: from the validators, JSON that could not be read, query parameters. Nothing is allocated
/// until there is an error.
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

    /// <summary>Adds what a validator found, each failure at its field.</summary>
    public void Add(FluentValidation.Results.ValidationResult result)
    {
        foreach (var failure in result.Errors)
        {
            Add(failure.PropertyName, failure.ErrorMessage);
        }
    }

    /// <summary>The field's messages replaced by one clearer message, when the field has errors.</summary>
    public void Replace(string field, string message)
    {
        if (errors is not null && errors.TryGetValue(field, out var messages))
        {
            messages.Clear();
            messages.Add(message);
        }
    }

    /// <summary>Adds another set's errors under fields renamed by <paramref name="field"/> (a mapped contract names its own fields).</summary>
    public void Add(FieldErrors other, Func<string, string> field)
    {
        foreach (var (name, messages) in other.errors ?? [])
        {
            foreach (var message in messages)
            {
                Add(field(name), message);
            }
        }
    }

    /// <summary>A query parameter that must be given: true when it is.</summary>
    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return false;
        }

        return true;
    }

    /// <summary>A numeric query parameter within its range, when given.</summary>
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
