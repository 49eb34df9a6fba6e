using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The parts of one customer grain, wired in one place: the model over its state, the events (journal
/// first, then apply), the snapshots, the SLA timing, the API actions, and the single writer they all
/// write through.
/// </summary>
internal sealed class CustomerParts
{
    private CustomerParts(CustomerModel model, CustomerEvents events, CustomerSnapshots snapshots, WriteQueue queue, CustomerSla sla, CustomerActions actions, CustomerProfiles profiles, CustomerReads reads, CustomerErasure erasure)
    {
        Model = model;
        Events = events;
        Snapshots = snapshots;
        Queue = queue;
        Sla = sla;
        Actions = actions;
        Profiles = profiles;
        Reads = reads;
        Erasure = erasure;
    }

    public CustomerModel Model { get; }

    public CustomerEvents Events { get; }

    public CustomerSnapshots Snapshots { get; }

    public WriteQueue Queue { get; }

    public CustomerSla Sla { get; }

    public CustomerActions Actions { get; }

    public CustomerProfiles Profiles { get; }

    public CustomerReads Reads { get; }

    public CustomerErasure Erasure { get; }

    /// <summary>
    /// The parts of <paramref name="grain"/>: <paramref name="ingest"/> is how it takes a batch of events
    /// (through <see cref="Events"/>, refusing unknown customers), <paramref name="afterWrite"/> what follows
    /// every write (re-arming the SLA timer, a snapshot when due); <paramref name="queue"/> the writer to keep
    /// when the parts are made anew over an erased state.
    /// </summary>
    public static CustomerParts Create(
        IGrainBase grain,
        IGrainFactory grains,
        string customerId,
        IPersistentState<CustomerState> state,
        CustomerServices services,
        Func<Interaction[], Task<IngestOutcome[]>> ingest,
        Func<Task> afterWrite,
        WriteQueue? queue = null)
    {
        var model = new CustomerModel(customerId, state.State);
        var snapshots = new CustomerSnapshots(state, new Snapshots(services.Snapshots, services.Time), services, customerId, grain.DeactivateOnIdle);
        var events = new CustomerEvents(model, snapshots.Policy, services);
        queue ??= new WriteQueue(ingest, afterWrite);
        var sla = new CustomerSla(grain, work => queue.Run(work), model, events, services);
        var actions = new CustomerActions(model, events, services);
        var profiles = new CustomerProfiles(grains, state, model, events, snapshots, sla, services);
        var erasure = new CustomerErasure(grains, state, model, events, snapshots, sla, services);
        return new CustomerParts(model, events, snapshots, queue, sla, actions, profiles, new CustomerReads(model, services), erasure);
    }
}
