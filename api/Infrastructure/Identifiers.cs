using System.Text.RegularExpressions;

namespace HealthGrid.Api.Infrastructure;

/// <summary>The rule for client-chosen ids (customers, accounts, events, tickets, interactions).</summary>
public static partial class Identifiers
{
    public const int MaxLength = 128;

    public static void Check(FieldErrors errors, string field, string? id)
    {
        if (!errors.Required(field, id))
        {
            return;
        }

        if (id!.Length > MaxLength)
        {
            errors.Add(field, $"must be at most {MaxLength} characters");
        }
        else if (!Pattern().IsMatch(id))
        {
            errors.Add(field, "may only contain letters, digits and . _ - : @");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
