using System.Text.Json;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Privacy;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Audit;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Privacy;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Privacy;

/// <summary>
/// Applies the retention rules of the <c>privacy</c> area every <see cref="RetentionSettings.Every"/>:
/// months of the event log older than <see cref="RetentionSettings.EventMonths"/> are dropped whole once
/// every stream in them has a snapshot that covers them (so a replay never needs them again), texts of
/// older events than <see cref="RetentionSettings.TextDays"/> are expired in place, and resolved cases and
/// alerts older than <see cref="RetentionSettings.ResolvedCaseDays"/> are deleted with their notifications.
/// One silo leads a pass at a time; a pass that removed anything is audited as <c>retention</c>.
/// </summary>
public sealed partial class RetentionLoop(
    IRetentionStore store,
    IGrainFactory grains,
    IAuditLog audit,
    ConfigurationArea<PrivacyOptions> privacy,
    RetentionMetrics metrics,
    TimeProvider time,
    ILogger<RetentionLoop> logger) : PeriodicLoop(time, logger)
{
    /// <summary>Streams snapshotted at once while a month is being let go.</summary>
    private const int SnapshotsInFlight = 16;

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    public override LoopStage Stage => LoopStage.Active;

    /// <summary>What the last pass this silo led removed.</summary>
    public RetentionReport? LastReport { get; private set; }

    protected override TimeSpan Interval => privacy.CurrentValue.Retention.Every;

    /// <summary>A silo restarted more often than the interval still applies the rules.</summary>
    protected override bool RunsAtStart => true;

    /// <summary>Nothing to finish when the silo stops: the next pass picks up where this one was.</summary>
    protected override Task FinalPassAsync() => Task.CompletedTask;

    protected override async Task RunOnceAsync()
    {
        var started = Time.GetTimestamp();
        var cutoffs = RetentionCutoffs.At(Time.GetUtcNow(), privacy.CurrentValue.Retention);
        await using var lead = await store.TryLeadAsync(CancellationToken.None);
        if (lead is null)
        {
            return;
        }

        var report = new RetentionReport();
        if (cutoffs.OldestMonthKept is { } oldestKept)
        {
            report = report.Add(await DropMonthsAsync(oldestKept));
            report = report.Add(new RetentionReport { ClientIds = await store.ReleaseConversationIdsAsync(cutoffs.OldestKeptFrom!.Value, CancellationToken.None) });
        }

        if (cutoffs.TextsReceivedBefore is { } textsBefore)
        {
            report = report.Add(new RetentionReport { Texts = await store.ExpireTextsAsync(textsBefore, CancellationToken.None) });
        }

        if (cutoffs.ResolvedBefore is { } resolvedBefore)
        {
            report = report.Add(await store.PurgeResolvedAsync(resolvedBefore, CancellationToken.None));
        }

        if (cutoffs.ParkedBefore is { } parkedBefore)
        {
            report = report.Add(new RetentionReport { Parked = await store.PurgeParkedAsync(parkedBefore, CancellationToken.None) });
        }

        metrics.Pass(report);
        LastReport = report;
        if (report.RemovedAnything)
        {
            LogPass(report.Months.Count, report.Events, report.Texts, report.Cases, report.Alerts, (long)Time.GetElapsedTime(started).TotalMilliseconds);
            await audit.AppendAsync([Record(report, cutoffs)], CancellationToken.None);
        }
    }

    private async Task<RetentionReport> DropMonthsAsync(DateOnly oldestKept)
    {
        var report = new RetentionReport();
        foreach (var month in await store.MonthsBeforeAsync(oldestKept, CancellationToken.None))
        {
            var streams = await store.StreamsInAsync(month, CancellationToken.None);
            var uncovered = await SnapshotAllAsync(streams);
            if (uncovered.Count > 0)
            {
                // Dropping it now would lose events no snapshot holds: the month waits for the next pass.
                LogMonthKept(month, uncovered.Count, uncovered[0]);
                return report;
            }

            report = report.Add(await store.DropMonthAsync(month, CancellationToken.None));
        }

        return report;
    }

    /// <summary>Asks every stream's owner to snapshot; the streams whose snapshot does not cover the log.</summary>
    private async Task<List<string>> SnapshotAllAsync(IReadOnlyList<StreamMark> streams)
    {
        var uncovered = new List<string>();
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = SnapshotsInFlight }, async (stream, _) =>
        {
            bool covered;
            try
            {
                covered = await SnapshotAsync(stream.StreamId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSnapshotFailed(ex, stream.StreamId);
                covered = false;
            }

            if (!covered)
            {
                lock (uncovered)
                {
                    uncovered.Add(stream.StreamId);
                }
            }
        });
        return uncovered;
    }

    /// <summary>Each stream of the log belongs to one grain, which snapshots what it replayed; a stream of any other kind is never dropped.</summary>
    private Task<bool> SnapshotAsync(string streamId) =>
        JournalStreams.CustomerOf(streamId) is { } customerId ? grains.GetGrain<ICustomerGrain>(customerId).SaveSnapshotAsync()
        : streamId == JournalStreams.SystemChanges ? grains.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).SaveAsync()
        : Task.FromResult(false);

    private static AuditRecord Record(RetentionReport report, RetentionCutoffs cutoffs) => new()
    {
        Actor = AuditActions.SystemActor,
        Action = AuditActions.Retention,
        Object = "retention",
        Details = JsonSerializer.Serialize(new
        {
            removed = report,
            textsReceivedBefore = cutoffs.TextsReceivedBefore,
            resolvedBefore = cutoffs.ResolvedBefore,
            oldestMonthKept = cutoffs.OldestMonthKept?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        }, AuditJson),
    };

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Retention let go {Months} month(s) of the event log ({Events} events), {Texts} texts, {Cases} resolved cases and {Alerts} resolved alerts in {ElapsedMs} ms")]
    private partial void LogPass(int months, long events, long texts, long cases, long alerts, long elapsedMs);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "Retention keeps the event log's month {Month} for now: {Count} stream(s) could not be snapshotted, {Stream} the first")]
    private partial void LogMonthKept(DateOnly month, int count, string stream);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Warning, Message = "Snapshotting stream {Stream} for retention failed")]
    private partial void LogSnapshotFailed(Exception exception, string stream);
}
