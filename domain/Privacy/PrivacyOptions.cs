namespace HealthGrid.Domain.Privacy;

/// <summary>How HealthGrid treats personal data it is sent and how long it keeps it; bound from <c>HealthGrid:Privacy</c>, the <c>privacy</c> configuration area.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "HealthGrid:Privacy";

    /// <summary>What is masked in free text before anything is stored.</summary>
    public RedactionSettings Redaction { get; set; } = new();

    /// <summary>How long each kind of data is kept.</summary>
    public RetentionSettings Retention { get; set; } = new();
}

/// <summary>Which kinds of personal data are masked in free text at the door: all three by default.</summary>
public sealed class RedactionSettings
{
    /// <summary>E-mail addresses become <c>[email]</c>.</summary>
    public bool Emails { get; set; } = true;

    /// <summary>Telephone numbers (international, North American and national formats) become <c>[phone]</c>.</summary>
    public bool PhoneNumbers { get; set; } = true;

    /// <summary>Payment-card numbers (13 to 19 digits passing the Luhn check) become <c>[card]</c>.</summary>
    public bool PaymentCards { get; set; } = true;
}
