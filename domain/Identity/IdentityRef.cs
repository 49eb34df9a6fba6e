namespace HealthGrid.Domain.Identity;

/// <summary>
/// An identifier of a customer in another system: a scheme naming that system and what it identifies
/// (<c>zendesk-org:eu</c>, <c>zendesk-user:eu</c>, <c>email-domain</c>, <c>crm-account</c>, <c>chat-contact</c>)
/// and the id there. Written <c>scheme/externalId</c>; the identity map resolves it to one customer.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IdentityRef")]
public readonly record struct IdentityRef([property: Id(0)] string Scheme, [property: Id(1)] string ExternalId)
{
    public const int MaxSchemeLength = 64;
    public const int MaxExternalIdLength = 256;

    public override string ToString() => Scheme + "/" + ExternalId;

    /// <summary>A ref written <c>scheme/externalId</c> (the scheme holds no slash; the id may), or null when it is not one.</summary>
    public static IdentityRef? Parse(string text) =>
        text.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < text.Length - 1
            ? new IdentityRef(text[..slash], text[(slash + 1)..])
            : null;

    /// <summary>What is wrong with a scheme, or null: lower-case letters, digits and <c>. _ : -</c>, starting with a letter.</summary>
    public static string? CheckScheme(string? scheme)
    {
        if (string.IsNullOrEmpty(scheme))
        {
            return "is required";
        }

        if (scheme.Length > MaxSchemeLength || !char.IsAsciiLetterLower(scheme[0]) || !scheme.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            return $"must be lower-case letters, digits and . _ : - (starting with a letter), at most {MaxSchemeLength}";
        }

        return null;
    }

    /// <summary>What is wrong with an external id, or null: 1 to 256 characters, none of them control characters.</summary>
    public static string? CheckExternalId(string? externalId) =>
        string.IsNullOrEmpty(externalId) ? "is required"
        : externalId.Length > MaxExternalIdLength || externalId.Any(char.IsControl) ? $"must be 1 to {MaxExternalIdLength} characters without control characters"
        : null;
}
