using HealthGrid.Domain.Privacy;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Privacy;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Privacy;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Privacy;

[StatelessWorker]
public sealed class PersonalDataGrain(IEventJournal journal, ICustomerErasureStore erasure) : Grain, IPersonalDataGrain
{
    public async Task<StoredEvent[]> ReadEventsAsync(string customerId, long afterSeq, int limit)
    {
        var page = new List<StoredEvent>(limit);
        await foreach (var entry in journal.ReadAsync(JournalStreams.Customer(customerId), afterSeq))
        {
            page.Add(new StoredEvent(entry.Seq, entry.Interaction));
            if (page.Count == limit)
            {
                break;
            }
        }

        return [.. page];
    }

    public async Task<ErasureReport> EraseAsync(string customerId)
    {
        // The grain first: once its state is gone no event is accepted for the customer and nothing can
        // rebuild it, so rows deleted next cannot come back; a retry after a failure in between finds the
        // grain empty and erases what the stores still hold.
        var erased = await GrainFactory.GetGrain<ICustomerGrain>(customerId).EraseAsync();
        var report = await erasure.EraseAsync(customerId, CancellationToken.None);
        return report with { Profile = erased.Existed, Conversations = erased.Conversations };
    }
}
