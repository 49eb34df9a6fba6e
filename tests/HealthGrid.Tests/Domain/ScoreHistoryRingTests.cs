using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Storage.Projections;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class ScoreHistoryRingTests
{
    [Fact]
    public void Keeps_the_latest_changes_up_to_its_capacity_newest_first()
    {
        var ring = new ScoreHistoryRing(capacity: 10);
        for (var seq = 1; seq <= 25; seq++)
        {
            ring.Append(Change(seq));
        }

        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(s => (long)s), ring.Newest(null, 100).Select(c => c.Seq));
    }

    [Fact]
    public void Pages_backwards_from_a_sequence_number()
    {
        var ring = new ScoreHistoryRing(capacity: 500);
        for (var seq = 1; seq <= 30; seq++)
        {
            ring.Append(Change(seq));
        }

        Assert.Equal([20L, 19L, 18L], ring.Newest(before: 21, limit: 3).Select(c => c.Seq));
        Assert.Empty(ring.Newest(before: 1, limit: 3));
    }

    [Fact]
    public void A_replayed_change_is_kept_once_and_a_late_one_is_still_ordered_by_sequence()
    {
        var ring = new ScoreHistoryRing(capacity: 500);
        ring.Append(Change(1));
        ring.Append(Change(3));
        ring.Append(Change(3));
        ring.Append(Change(2));

        Assert.Equal([3L, 2L, 1L], ring.Newest(null, 10).Select(c => c.Seq));
    }

    private static ScoreChange Change(long seq) => new()
    {
        Seq = seq, CustomerId = "c-1", EventId = $"e{seq}", Kind = InteractionKind.Survey, OccurredAt = T0,
        Before = 80, After = 79, BandBefore = HealthBand.Healthy, BandAfter = HealthBand.Healthy, Drivers = [],
    };
}
