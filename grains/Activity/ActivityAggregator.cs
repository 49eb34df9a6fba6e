using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Activity;

/// <summary>
/// One per silo. Tallies the events applied by this silo's customer grains per journey stage and
/// five-minute bucket of when they happened (volume, sentiment, effort, SLA outcomes, events for
/// processes nobody owns), so that back-filled history of the last day lands where it belongs, and
/// complaints and SLA outcomes per process owner; it sends each grain one batch per bucket per
/// interval, so a busy stage never receives one call per event. A batch that cannot be delivered
/// (its grain is moving to another silo, say) is sent again with the next interval.
/// </summary>
public sealed partial class ActivityAggregator(
    IGrainFactory grains,
    CurrentOrganisation organisation,
    IOptions<ActivityOptions> options,
    TimeProvider time,
    ILogger<ActivityAggregator> logger) : PeriodicLoop(time, logger)
{
    private const string Unspecified = "unspecified";

    /// <summary>Journey-stage statistics cover the last day (their 24 h figures and hourly series).</summary>
    private static readonly TimeSpan StageHistory = TimeSpan.FromDays(1);

    private static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(5);

    /// <summary>Undelivered batches kept for the next interval; past this many the oldest are let go (logged).</summary>
    private const int MaxRetrying = 10_000;

    private readonly Lock gate = new();
    private readonly UndeliveredBatches undelivered = new(MaxRetrying);
    private Dictionary<(string Stage, DateTimeOffset Bucket), StageTally> stages = [];
    private Dictionary<(string Owner, string Code, string Region, string Product), int> themes = [];
    private Dictionary<string, (int Met, int Breached)> ownerSla = new(StringComparer.Ordinal);
    private List<ActivityLedger.Withdrawal> withdrawals = [];

    protected override TimeSpan Interval => options.Value.FlushInterval;

    /// <summary>Flushes for the last time when the silo leaves Active, while the stage and owner grains can still take it.</summary>
    public override LoopStage Stage => LoopStage.Active;

    /// <summary>Tallies an applied event, and notes the customer's share in its <paramref name="ledger"/>.</summary>
    public void Record(Interaction e, TextSignal text, CustomerProfile profile, ActivityLedger ledger)
    {
        var now = Time.GetUtcNow();
        if (e.OccurredAt < now - StageHistory)
        {
            return;
        }

        double? sentiment = ReferenceEquals(text, TextSignal.Empty) ? null : text.Sentiment;
        var process = e.Complaint is { } complaint ? organisation.Index.ProcessOfCode(complaint.Code) : null;

        // Themes escalate what is happening now: back-filled complaints do not count towards them.
        var owner = e.OccurredAt >= now - options.Value.LiveWindow ? process?.Owner : null;
        var at = e.OccurredAt > now ? now : e.OccurredAt;
        var theme = owner is { Length: > 0 } ? (Owner: owner, e.Complaint!.Code, profile.Region, Product: e.Product ?? profile.Products.FirstOrDefault() ?? Unspecified) : default;
        lock (gate)
        {
            if (e.JourneyStage is { } stage)
            {
                var tally = TallyFor(stage, at);
                tally.Add(e.Kind, sentiment, e.Survey);
                if (process is not null && string.IsNullOrWhiteSpace(owner))
                {
                    tally.AddUnowned(process.Id);
                }
            }

            if (theme.Owner is not null)
            {
                themes[theme] = themes.GetValueOrDefault(theme) + 1;
            }
        }

        // The ledger is the calling grain's own state: written on its turn, outside the silo-wide lock.
        if (e.JourneyStage is { } recorded)
        {
            ledger.Event(recorded, at, e.Kind, sentiment, e.Survey);
        }

        if (theme.Owner is not null)
        {
            ledger.Theme(theme.Owner, now, theme.Code, theme.Region, theme.Product);
        }
    }

    /// <summary>An SLA clock of a case ended; counted for the case's stage and process owner, and noted in the customer's <paramref name="ledger"/>.</summary>
    public void RecordSla(SlaOutcome outcome, ActivityLedger ledger)
    {
        var now = Time.GetUtcNow();
        lock (gate)
        {
            if (outcome.JourneyStage is { } stage)
            {
                TallyFor(stage, now).AddSla(outcome.Met, outcome.Retracted);
            }

            if (outcome.ProcessOwner is { } owner)
            {
                var (met, breached) = ownerSla.GetValueOrDefault(owner);
                breached -= outcome.Retracted ? 1 : 0;
                ownerSla[owner] = outcome.Met ? (met + 1, breached) : (met, breached + 1);
            }
        }

        if (outcome.JourneyStage is { } counted)
        {
            ledger.StageSla(counted, now, outcome.Met, outcome.Retracted);
        }

        if (outcome.ProcessOwner is { } ownedBy)
        {
            ledger.OwnerSla(ownedBy, now, outcome.Met, outcome.Retracted);
        }
    }

    /// <summary>Takes an erased customer's share back out of the tallies, with the next flush (and again after it until delivered).</summary>
    public void Withdraw(ActivityLedger ledger)
    {
        var withdrawal = ledger.Withdraw();
        lock (gate)
        {
            withdrawals.Add(withdrawal);
        }
    }

    protected override async Task RunOnceAsync()
    {
        Dictionary<(string Stage, DateTimeOffset Bucket), StageTally> stageBatch;
        Dictionary<(string Owner, string Code, string Region, string Product), int> themeBatch;
        Dictionary<string, (int Met, int Breached)> slaBatch;
        List<ActivityLedger.Withdrawal> withdrawn;
        lock (gate)
        {
            stageBatch = stages;
            themeBatch = themes;
            slaBatch = ownerSla;
            withdrawn = withdrawals;
            stages = [];
            themes = [];
            ownerSla = new Dictionary<string, (int Met, int Breached)>(StringComparer.Ordinal);
            withdrawals = [];
        }

        var now = Time.GetUtcNow();
        var owners = themeBatch.Keys.Select(k => k.Owner).Concat(slaBatch.Keys).Distinct(StringComparer.Ordinal);

        // Each batch is built once: a retry sends the same activity, stamped with when it was tallied.
        var batches = stageBatch.Select(s =>
            {
                var activity = s.Value.ToActivity(s.Key.Bucket);
                return (Target: s.Key.Stage, Send: (Func<Task>)(() => grains.GetGrain<IJourneyStageGrain>(s.Key.Stage).RecordActivityAsync(activity)));
            })
            .Concat(owners.Select(owner =>
            {
                var (met, breached) = slaBatch.GetValueOrDefault(owner);
                var counts = themeBatch.Where(t => t.Key.Owner == owner).Select(t => new ThemeCount(t.Key.Code, t.Key.Region, t.Key.Product, t.Value));
                var activity = new ThemeActivity(now, [.. counts], met, breached);
                return (Target: owner, Send: (Func<Task>)(() => grains.GetGrain<IProcessOwnerGrain>(owner).RecordThemesAsync(activity)));
            }))
            .Concat(withdrawn.SelectMany(w => w.Stages).Select(s =>
                (Target: s.Stage, Send: (Func<Task>)(() => grains.GetGrain<IJourneyStageGrain>(s.Stage).RecordActivityAsync(s.Activity)))))
            .Concat(withdrawn.SelectMany(w => w.Owners).Select(o =>
                (Target: o.Owner, Send: (Func<Task>)(() => grains.GetGrain<IProcessOwnerGrain>(o.Owner).RecordThemesAsync(o.Activity)))));
        foreach (var (target, error) in await undelivered.SendAsync(batches))
        {
            LogSendFailed(error, target);
        }

        if (undelivered.TakeDropped() is > 0 and var dropped)
        {
            LogRetryingDropped(dropped);
        }
    }

    private StageTally TallyFor(string stage, DateTimeOffset at)
    {
        var bucket = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % BucketWidth.Ticks), TimeSpan.Zero);
        if (!stages.TryGetValue((stage, bucket), out var tally))
        {
            tally = new StageTally();
            stages[(stage, bucket)] = tally;
        }

        return tally;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Sending activity tallies to {Target} failed; they are sent again with the next interval")]
    private partial void LogSendFailed(Exception exception, string target);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "{Count} undelivered activity batches were let go: more were waiting to be sent again than the bound allows")]
    private partial void LogRetryingDropped(int count);
}
