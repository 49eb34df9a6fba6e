using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Ingest;
using HealthGrid.Api.Organisation;
using HealthGrid.Domain.Ingest;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Options;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// Loads the demo organisation through the same services the API uses, then feeds live demo traffic
/// through validation and ingest until the silo stops: the first pass loads, every later one (at the
/// configured rate) sends one event. Runs once the silo is active.
/// </summary>
public sealed partial class DemoRunner(
    ProfileWriter profiles,
    EventValidator validator,
    EventIngestor ingestor,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoRunner> logger) : PeriodicLoop(time, logger)
{
    private const int HistoryBatch = 500;
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Random random = new(options.Value.Seed);
    private DemoEvents? events;
    private int invalidEvents;

    /// <summary>Completes once the organisation and its history are loaded.</summary>
    public Task Loaded => loaded.Task;

    /// <summary>Generated events the API contract refused: always zero unless the generator and the contract drifted apart.</summary>
    public int InvalidEvents => Volatile.Read(ref invalidEvents);

    public override LoopStage Stage => LoopStage.Active;

    protected override bool RunsAtStart => true;

    protected override TimeSpan Interval =>
        events is null || options.Value.TrafficPerSecond <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(1 / options.Value.TrafficPerSecond);

    protected override async Task RunOnceAsync()
    {
        if (events is not null)
        {
            await IngestAsync([events.Next(Time.GetUtcNow())]);
            return;
        }

        try
        {
            events = await LoadAsync();
            loaded.TrySetResult();
        }
        catch (Exception ex)
        {
            LogFailed(ex);
            loaded.TrySetException(ex);
        }
    }

    /// <summary>Stopping ends the traffic; no last event is owed to anyone.</summary>
    protected override Task FinalPassAsync()
    {
        loaded.TrySetCanceled();
        return Task.CompletedTask;
    }

    private async Task<DemoEvents> LoadAsync()
    {
        var organisation = DemoOrganisation.Generate(options.Value, random);
        var generated = new DemoEvents(organisation, random);
        await profiles.WriteAccountsAsync(organisation.Accounts);
        await profiles.WriteCustomersAsync([.. organisation.Customers.Select(c => c.Profile)]);
        var history = generated.History(Time.GetUtcNow()).ToList();
        foreach (var batch in WholeCustomers(history))
        {
            await IngestAsync(batch);
        }

        LogLoaded(organisation.Accounts.Count, organisation.Customers.Count, history.Count);
        return generated;
    }

    /// <summary>
    /// Batches of whole customers, each customer's events in time order: a customer's history is
    /// applied in one go, so the deadlines of past cases that the same history resolves never fire.
    /// </summary>
    private static IEnumerable<List<EventRequest>> WholeCustomers(List<EventRequest> history)
    {
        var batch = new List<EventRequest>(HistoryBatch);
        foreach (var customer in history.GroupBy(e => e.CustomerId, StringComparer.Ordinal))
        {
            var events = customer.OrderBy(e => e.OccurredAt).ToList();
            if (batch.Count > 0 && batch.Count + events.Count > HistoryBatch)
            {
                yield return batch;
                batch = new List<EventRequest>(HistoryBatch);
            }

            batch.AddRange(events);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task IngestAsync(IEnumerable<EventRequest> requests)
    {
        var valid = new List<Interaction>();
        foreach (var request in requests)
        {
            var errors = new FieldErrors();
            if (validator.Validate(request, errors) is { } interaction)
            {
                valid.Add(interaction);
            }
            else
            {
                var (field, message) = errors.First();
                Interlocked.Increment(ref invalidEvents);
                LogInvalidDemoEvent(field, message);
            }
        }

        await ingestor.IngestAsync(valid);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Demo organisation loaded: {Accounts} accounts, {Customers} customers, {Events} historical events")]
    private partial void LogLoaded(int accounts, int customers, int events);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Loading the demo organisation failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "A generated demo event was invalid: {Field} {Message}")]
    private partial void LogInvalidDemoEvent(string field, string message);
}
