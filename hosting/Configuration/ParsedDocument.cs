using HealthGrid.Domain.Configuration;

namespace HealthGrid.Hosting.Configuration;

/// <summary>A configuration document read against its area's schema: the options and their canonical JSON, or what is wrong.</summary>
public sealed record ParsedDocument(object? Options, string? Canonical, IReadOnlyList<OptionError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ParsedDocument Invalid(IReadOnlyList<OptionError> errors) => new(null, null, errors);
}
