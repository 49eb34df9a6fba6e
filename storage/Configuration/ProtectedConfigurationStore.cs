using HealthGrid.Domain.Configuration;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.DataProtection;

namespace HealthGrid.Storage.Configuration;

/// <summary>
/// Secrets encrypted at rest: every secret of a version (<see cref="SecretAttribute"/>) is stored as
/// Data Protection ciphertext ("enc:…") and decrypted when read, so the rows, their backups and their
/// replicas hold no secret in the clear. Everything above the store sees plain values; the API redacts.
/// </summary>
public sealed class ProtectedConfigurationStore(IConfigurationStore inner, IEnumerable<IConfigurationArea> areas, IDataProtectionProvider protection) : IConfigurationStore
{
    private const string Prefix = "enc:";
    private readonly IDataProtector protector = protection.CreateProtector("HealthGrid.Configuration.Secrets");
    private readonly Dictionary<string, Type> types = areas.ToDictionary(a => a.Name, a => a.OptionsType, StringComparer.Ordinal);

    public Task SeedAsync(IReadOnlyList<ConfigurationVersion> seeds, CancellationToken cancellationToken) =>
        inner.SeedAsync([.. seeds.Select(Protect)], cancellationToken);

    public async Task<IReadOnlyList<ConfigurationVersion>> CurrentAsync(CancellationToken cancellationToken) =>
        [.. (await inner.CurrentAsync(cancellationToken)).Select(Unprotect)];

    public Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken) => inner.VersionsAsync(cancellationToken);

    public async Task<ConfigurationVersion?> GetAsync(string area, long version, CancellationToken cancellationToken) =>
        await inner.GetAsync(area, version, cancellationToken) is { } found ? Unprotect(found) : null;

    public Task<bool> AppendAsync(ConfigurationVersion next, CancellationToken cancellationToken) => inner.AppendAsync(Protect(next), cancellationToken);

    public async Task<IReadOnlyList<ConfigurationVersion>> HistoryAsync(string area, long? before, int limit, CancellationToken cancellationToken) =>
        [.. (await inner.HistoryAsync(area, before, limit, cancellationToken)).Select(Unprotect)];

    private ConfigurationVersion Protect(ConfigurationVersion version) =>
        Map(version, value => value.StartsWith(Prefix, StringComparison.Ordinal) ? value : Prefix + protector.Protect(value));

    /// <summary>A value without the prefix was written before its setting became a secret (or by hand): read as it is.</summary>
    private ConfigurationVersion Unprotect(ConfigurationVersion version) =>
        Map(version, value => value.StartsWith(Prefix, StringComparison.Ordinal) ? protector.Unprotect(value[Prefix.Length..]) : value);

    private ConfigurationVersion Map(ConfigurationVersion version, Func<string, string> map) =>
        types.TryGetValue(version.Area, out var type) && DocumentSecrets.Any(type)
            ? version with { Document = DocumentSecrets.Map(version.Document, type, map) }
            : version;
}
