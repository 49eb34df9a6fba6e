using HealthGrid.Grains.Activity;

namespace HealthGrid.Tests.Grains;

/// <summary>Tally batches that cannot be delivered are sent again with the next interval, once each, and let go only past the bound.</summary>
public sealed class UndeliveredBatchesTests
{
    [Fact]
    public async Task A_failed_batch_is_sent_again_next_time_and_only_until_it_is_delivered()
    {
        var batches = new UndeliveredBatches(bound: 10);
        var delivered = new List<string>();
        var stageIsMoving = true;
        Task Send(string what) => stageIsMoving && what.StartsWith("stage", StringComparison.Ordinal)
            ? Task.FromException(new TimeoutException("the stage grain is moving"))
            : Record(what);
        Task Record(string what)
        {
            lock (delivered)
            {
                delivered.Add(what);
            }

            return Task.CompletedTask;
        }

        var failed = await batches.SendAsync([("billing", () => Send("stage 1")), ("po-billing", () => Send("owner 1"))]);
        Assert.Equal(["billing"], failed.Select(f => f.Target));
        Assert.Equal(["owner 1"], delivered);
        Assert.Equal(1, batches.Count);

        stageIsMoving = false;
        Assert.Empty(await batches.SendAsync([("billing", () => Send("stage 2"))]));
        Assert.Equal(["owner 1", "stage 1", "stage 2"], delivered.Order());
        Assert.Equal(0, batches.Count);

        Assert.Empty(await batches.SendAsync([]));
        Assert.Equal(3, delivered.Count);
    }

    [Fact]
    public async Task Past_the_bound_the_oldest_undelivered_batches_are_let_go_and_counted()
    {
        var batches = new UndeliveredBatches(bound: 3);
        var sent = new List<int>();
        Func<Task> Failing(int n) => () =>
        {
            sent.Add(n);
            return Task.FromException(new InvalidOperationException("down"));
        };

        await batches.SendAsync(Enumerable.Range(1, 5).Select(n => ("stage", Failing(n))));
        Assert.Equal((3, 2), (batches.Count, batches.TakeDropped()));
        Assert.Equal(0, batches.TakeDropped());

        sent.Clear();
        await batches.SendAsync([]);
        Assert.Equal(3, sent.Count);
    }
}
