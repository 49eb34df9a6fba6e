using HealthGrid.Domain.Privacy;
using HealthGrid.GrainInterfaces.Privacy;
using HealthGrid.Storage.Ingest;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Privacy;

[StatelessWorker]
public sealed class PersonalDataGrain(IEventJournal journal) : Grain, IPersonalDataGrain
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
}
