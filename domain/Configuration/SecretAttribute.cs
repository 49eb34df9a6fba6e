namespace HealthGrid.Domain.Configuration;

/// <summary>
/// A write-only setting: never returned by a read of its configuration document, kept when a write
/// leaves it out or sends <see cref="Redacted"/> back, and encrypted in the store.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>What a read shows in place of a secret that is set.</summary>
    public const string Redacted = "(secret)";
}
