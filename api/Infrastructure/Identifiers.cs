using System.Text.RegularExpressions;

namespace HealthGrid.Api.Infrastructure;

/// <summary>The rule for client-chosen ids (customers, accounts, events, tickets, interactions).</summary>
public static partial class Identifiers
{
    public const int MaxLength = 128;

    public const string Rule = "may only contain letters, digits and . _ - : @";

    public static bool IsValid(string id) => id.Length <= MaxLength && Pattern().IsMatch(id);

    /// <summary>What is wrong with an id given outside a body (in the path), or null when nothing is.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxLength ? $"must be at most {MaxLength} characters"
        : Pattern().IsMatch(id) ? null
        : Rule;

    [GeneratedRegex("^[A-Za-z0-9._:@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
