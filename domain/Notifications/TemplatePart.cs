namespace HealthGrid.Domain.Notifications;

/// <summary>The texts of a message that a template writes: one notification's, or a digest's.</summary>
public enum TemplatePart
{
    Subject,
    Text,

    /// <summary>The HTML body, rendered for e-mail only.</summary>
    Html,
    DigestSubject,
    DigestText,
    DigestHtml,
}
