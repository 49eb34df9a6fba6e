using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.GrainInterfaces.Customers;

/// <summary>The live model of one customer and its cases, keyed by customer id.</summary>
[Alias("HealthGrid.ICustomerGrain")]
public interface ICustomerGrain : IAlertOwner, IConfigurationDependent
{
    /// <summary>Creates or replaces the profile. The account must exist.</summary>
    [Alias("UpsertProfile")]
    Task<ProfileUpsertResult> UpsertProfileAsync(CustomerProfile profile);

    /// <summary>
    /// Makes the interactions durable, then applies them in order. Concurrent calls for a busy
    /// customer share one journal commit (the grain is reentrant over a single-writer pipeline).
    /// Not copied on a local call: callers hand over a fresh array and the grain never changes it.
    /// </summary>
    [Alias("RecordInteractions")]
    Task<IngestOutcome[]> RecordInteractionsAsync([Immutable] Interaction[] interactions);

    /// <summary>The profile and live health, or null when the customer does not exist.</summary>
    [Alias("GetView")]
    Task<CustomerView?> GetViewAsync();

    /// <summary>The account the customer belongs to, or null when the customer does not exist: what access checks need.</summary>
    [Alias("GetAccountId")]
    Task<string?> GetAccountIdAsync();

    /// <summary>Score changes newest first, older than <paramref name="before"/> (a sequence number) when given.</summary>
    [Alias("GetScoreHistory")]
    Task<ScoreHistoryPage?> GetScoreHistoryAsync(long? before, int limit);

    /// <summary>One of the customer's cases, open or closed; null when it has no such case.</summary>
    [Alias("GetCase")]
    Task<CaseView?> GetCaseAsync(string caseId);

    /// <summary>Acknowledges or resolves a case; durable like an event.</summary>
    [Alias("ActOnCase")]
    Task<CaseActionResult> ActOnCaseAsync(string caseId, CaseAction action, string by, string? note);

    /// <summary>
    /// Projects a continuity scenario onto the customer from its live state, changing nothing; null
    /// when the scenario does not reach it (no dependency on a disrupted node in scope) or the customer does not exist.
    /// </summary>
    [Alias("SimulateDisruption")]
    Task<CustomerImpact?> SimulateDisruptionAsync(ScenarioPlan plan);

    /// <summary>
    /// Erases what the grain holds of the customer (its state and snapshot, timers, reminder, its share of
    /// the stage, owner and account tallies) and lets the activation go; the stores' rows are erased after
    /// it by <c>IPersonalDataGrain</c>. Nothing when the customer does not exist.
    /// </summary>
    [Alias("Erase")]
    Task<CustomerErased> EraseAsync();

    /// <summary>
    /// Writes the snapshot now if it lacks anything the customer applied, so that no replay needs the
    /// log's older events (retention drops them); true when the stored snapshot covers every event
    /// applied. A customer with nothing timed lets the activation go afterwards: retention wakes every
    /// customer of a month, most of them long quiet.
    /// </summary>
    [Alias("SaveSnapshot")]
    Task<bool> SaveSnapshotAsync();

    /// <summary>Nothing but an activation: a customer woken after a failover fires what fell due meanwhile and re-arms its timers.</summary>
    [Alias("Wake")]
    Task WakeAsync();
}
