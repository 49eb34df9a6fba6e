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
/// One per silo. Tallies the events applied by this silo's customer grains per journey stage
/// (volume, sentiment, effort, SLA outcomes, events for processes nobody owns) and complaints and SLA
/// outcomes per process owner, and sends each grain one batch per interval: a busy stage never
/// receives one call per event.
/// </summary>
public sealed partial class ActivityAggregator(
    IGrainFactory grains,
    CurrentOrganisation organisation,
    IOptions<ActivityOptions> options,
    TimeProvider time,
    ILogger<ActivityAggregator> logger) : PeriodicLoop(time, logger)
{
    private const string Unspecified = "unspecified";
    private readonly Lock gate = new();
    private Dictionary<string, StageTally> stages = new(StringComparer.Ordinal);
    private Dictionary<(string Owner, string Code, string Region, string Product), int> themes = [];
    private Dictionary<string, (int Met, int Breached)> ownerSla = new(StringComparer.Ordinal);

    protected override TimeSpan Interval => options.Value.FlushInterval;

    /// <summary>Flushes for the last time when the silo leaves Active, while the stage and owner grains can still take it.</summary>
    public override LoopStage Stage => LoopStage.Active;

    public void Record(Interaction e, TextSignal text, CustomerProfile profile)
    {
        if (e.OccurredAt < Time.GetUtcNow() - options.Value.LiveWindow)
        {
            return;
        }

        double? sentiment = ReferenceEquals(text, TextSignal.Empty) ? null : text.Sentiment;
        var process = e.Complaint is { } complaint ? organisation.Index.ProcessOfCode(complaint.Code) : null;
        var owner = process?.Owner;
        lock (gate)
        {
            if (e.JourneyStage is { } stage)
            {
                var tally = TallyFor(stage);
                tally.Add(e.Kind, sentiment, e.Survey);
                if (process is not null && string.IsNullOrWhiteSpace(owner))
                {
                    tally.AddUnowned(process.Id);
                }
            }

            if (owner is { Length: > 0 })
            {
                var key = (owner, e.Complaint!.Code, profile.Region, e.Product ?? profile.Products.FirstOrDefault() ?? Unspecified);
                themes[key] = themes.GetValueOrDefault(key) + 1;
            }
        }
    }

    /// <summary>An SLA clock of a case ended; counted for the case's stage and process owner.</summary>
    public void RecordSla(SlaOutcome outcome)
    {
        lock (gate)
        {
            if (outcome.JourneyStage is { } stage)
            {
                TallyFor(stage).AddSla(outcome.Met);
            }

            if (outcome.ProcessOwner is { } owner)
            {
                var (met, breached) = ownerSla.GetValueOrDefault(owner);
                ownerSla[owner] = outcome.Met ? (met + 1, breached) : (met, breached + 1);
            }
        }
    }

    protected override async Task RunOnceAsync()
    {
        Dictionary<string, StageTally> stageBatch;
        Dictionary<(string Owner, string Code, string Region, string Product), int> themeBatch;
        Dictionary<string, (int Met, int Breached)> slaBatch;
        lock (gate)
        {
            stageBatch = stages;
            themeBatch = themes;
            slaBatch = ownerSla;
            stages = new Dictionary<string, StageTally>(StringComparer.Ordinal);
            themes = [];
            ownerSla = new Dictionary<string, (int Met, int Breached)>(StringComparer.Ordinal);
        }

        var now = Time.GetUtcNow();
        var owners = themeBatch.Keys.Select(k => k.Owner).Concat(slaBatch.Keys).Distinct(StringComparer.Ordinal);
        var sends = stageBatch.Select(s => SendAsync(s.Key, () => grains.GetGrain<IJourneyStageGrain>(s.Key).RecordActivityAsync(s.Value.ToActivity(now))))
            .Concat(owners.Select(owner => SendAsync(owner, () =>
            {
                var (met, breached) = slaBatch.GetValueOrDefault(owner);
                var counts = themeBatch.Where(t => t.Key.Owner == owner).Select(t => new ThemeCount(t.Key.Code, t.Key.Region, t.Key.Product, t.Value));
                return grains.GetGrain<IProcessOwnerGrain>(owner).RecordThemesAsync(new ThemeActivity(now, [.. counts], met, breached));
            })));
        await Task.WhenAll(sends);
    }

    private StageTally TallyFor(string stage)
    {
        if (!stages.TryGetValue(stage, out var tally))
        {
            tally = new StageTally();
            stages[stage] = tally;
        }

        return tally;
    }

    private async Task SendAsync(string target, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex)
        {
            // Tallies are statistics, not events: losing one interval's worth is logged, not retried.
            LogSendFailed(ex, target);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Sending activity tallies to {Target} failed; this interval's tallies are dropped")]
    private partial void LogSendFailed(Exception exception, string target);
}
