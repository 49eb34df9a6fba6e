using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Configuration;
using HealthGrid.Grains.Cluster;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Configuration;

/// <summary>
/// Writes configuration: validates the document against its area, appends the next version to the
/// store (the version number is the concurrency check), sends it through the cluster fan-out and waits
/// until every silo has it in force, then lets the grains that depend on it re-evaluate. Previews
/// answer what the same write would do, without writing. Secrets are write-only: every version this
/// hands out is redacted, and a write keeps the secrets it leaves out or sends back as placeholders.
/// </summary>
public sealed partial class ConfigurationEditor(
    ConfigurationAreas areas,
    IConfigurationStore store,
    ClusterFanout fanout,
    ConfigurationPreviews previews,
    ConfigurationFollowUps followUps,
    IOptions<ConfigurationOptions> options,
    TimeProvider time,
    ILogger<ConfigurationEditor> logger)
{
    /// <summary>A write without an expected version retries this often when another write got in first.</summary>
    private const int UnconditionalAttempts = 3;

    public ConfigurationVersion[] List() => [.. areas.All.Select(a => Redacted(a, a.Current)!).OrderBy(v => v.Area, StringComparer.Ordinal)];

    public async Task<ConfigurationVersion?> GetAsync(string area, long? version) =>
        areas.Find(area) is not { } known ? null
        : version is { } v ? Redacted(known, await store.GetAsync(known.Name, v, CancellationToken.None))
        : Redacted(known, known.Current);

    public async Task<ConfigurationVersion[]?> HistoryAsync(string area, long? before, int limit) =>
        areas.Find(area) is not { } known ? null : [.. (await store.HistoryAsync(area, before, limit, CancellationToken.None)).Select(v => Redacted(known, v)!)];

    public async Task<ConfigurationPreviewResult> PreviewAsync(string area, string document)
    {
        if (areas.Find(area) is not { } known)
        {
            return new ConfigurationPreviewResult { UnknownArea = true };
        }

        var kept = new OptionErrors();
        var parsed = known.Parse(DocumentSecrets.Keep(document, known.Current.Document, known.OptionsType, kept));
        if (kept.Count > 0)
        {
            return new ConfigurationPreviewResult { Errors = [.. kept.All] };
        }

        return parsed.IsValid
            ? new ConfigurationPreviewResult { Preview = await previews.PreviewAsync(known, parsed.Canonical!) }
            : new ConfigurationPreviewResult { Errors = [.. parsed.Errors] };
    }

    public async Task<ConfigurationWriteResult> WriteAsync(ConfigurationChange change)
    {
        if (areas.Find(change.Area) is not { } area)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.UnknownArea };
        }

        var document = change.Document ?? "";
        if (change.RestoreVersion is { } restore)
        {
            if (await store.GetAsync(area.Name, restore, CancellationToken.None) is not { } earlier)
            {
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.UnknownVersion };
            }

            document = earlier.Document;
        }
        else
        {
            var kept = new OptionErrors();
            document = DocumentSecrets.Keep(document, (await NewestAsync(area.Name)).Document, area.OptionsType, kept);
            if (kept.Count > 0)
            {
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Invalid, Errors = [.. kept.All] };
            }
        }

        var parsed = area.Parse(document);
        if (!parsed.IsValid)
        {
            return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Invalid, Errors = [.. parsed.Errors] };
        }

        for (var attempt = 1; ; attempt++)
        {
            var newest = await NewestAsync(area.Name);
            if (change.ExpectedVersion is { } expected && expected != newest.Version)
            {
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Conflict, Version = Redacted(area, newest) };
            }

            if (parsed.Canonical == newest.Document)
            {
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Unchanged, Version = Redacted(area, newest) };
            }

            var next = new ConfigurationVersion
            {
                Area = area.Name,
                Version = newest.Version + 1,
                Document = parsed.Canonical!,
                Author = change.Author,
                At = time.GetUtcNow(),
                Reason = change.Reason,
                Diff = ConfigurationDiff.Between(Redact(area, newest.Document), Redact(area, parsed.Canonical!)),
                RestoredFrom = change.RestoreVersion,
            };
            if (await store.AppendAsync(next, CancellationToken.None))
            {
                LogWritten(area.Name, next.Version, next.Author);
                var (applied, silos) = await fanout.DeliverAsync(next, options.Value.ApplyTimeout);
                if (applied < silos)
                {
                    LogNotEverywhere(area.Name, next.Version, applied, silos);
                }

                await followUps.AfterWriteAsync(area.Name);
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Written, Version = Redacted(area, next), AppliedOn = applied, Silos = silos };
            }

            if (change.ExpectedVersion is not null || attempt == UnconditionalAttempts)
            {
                return new ConfigurationWriteResult { Outcome = ConfigurationWriteOutcome.Conflict, Version = Redacted(area, await NewestAsync(area.Name)) };
            }
        }
    }

    private static string Redact(IConfigurationArea area, string document) => DocumentSecrets.Redact(document, area.OptionsType);

    private static ConfigurationVersion? Redacted(IConfigurationArea area, ConfigurationVersion? version) =>
        version is null ? null : version with { Document = Redact(area, version.Document) };

    private async Task<ConfigurationVersion> NewestAsync(string area)
    {
        var versions = await store.VersionsAsync(CancellationToken.None);
        return versions.TryGetValue(area, out var newest) && await store.GetAsync(area, newest, CancellationToken.None) is { } version
            ? version
            : throw new InvalidOperationException($"Configuration area '{area}' has no version in the store.");
    }

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information, Message = "Configuration area {Area}: version {Version} written by {Author}")]
    private partial void LogWritten(string area, long version, string author);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Warning, Message = "Configuration area {Area}: version {Version} was confirmed by {Applied} of {Silos} silos in time; the others load it at their next comparison with the store")]
    private partial void LogNotEverywhere(string area, long version, int applied, int silos);
}
