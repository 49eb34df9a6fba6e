using HealthGrid.Domain.Ingest;
using HealthGrid.Storage.Ingest;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class InMemoryJournalTests
{
    [Fact]
    public async Task Each_event_id_is_accepted_once_with_increasing_sequence_numbers()
    {
        var journal = new InMemoryEventJournal(Microsoft.Extensions.Options.Options.Create(new JournalOptions()));
        var first = await journal.AppendAsync("s", [Event(InteractionKind.Usage, T0, "a"), Event(InteractionKind.Usage, T0, "b"), Event(InteractionKind.Usage, T0, "a")]);
        var again = await journal.AppendAsync("other", [Event(InteractionKind.Usage, T0, "b")]);
        Assert.True(first[0].Accepted && first[1].Accepted);
        Assert.True(first[1].Seq > first[0].Seq);
        Assert.False(first[2].Accepted);
        Assert.False(again[0].Accepted);
    }

    [Fact]
    public async Task The_idempotency_window_is_bounded()
    {
        var journal = new InMemoryEventJournal(Microsoft.Extensions.Options.Options.Create(new JournalOptions { InMemoryIdempotencyWindow = 1_000 }));
        for (var i = 0; i <= 1_000; i++)
        {
            await journal.AppendAsync("s", [Event(InteractionKind.Usage, T0, $"e{i}")]);
        }

        Assert.True((await journal.AppendAsync("s", [Event(InteractionKind.Usage, T0, "e0")]))[0].Accepted, "the oldest id left the window");
        Assert.False((await journal.AppendAsync("s", [Event(InteractionKind.Usage, T0, "e1000")]))[0].Accepted);
    }
}
