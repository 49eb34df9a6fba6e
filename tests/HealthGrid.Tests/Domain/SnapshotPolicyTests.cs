using HealthGrid.Grains.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGrid.Tests.Domain;

public sealed class SnapshotPolicyTests
{
    [Fact]
    public void Periodic_snapshots_fall_due_after_enough_events_or_when_the_oldest_unsaved_one_gets_old()
    {
        var clock = new FakeTimeProvider(Model.T0);
        var byCount = new Snapshots(Monitor(periodic: true), clock);
        byCount.Applied(499);
        Assert.False(byCount.IsDue(force: false));
        byCount.Applied(1);
        Assert.True(byCount.IsDue(force: false));

        var byAge = new Snapshots(Monitor(periodic: true), clock);
        byAge.Applied(1);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(byAge.IsDue(force: false));
        byAge.Written();
        Assert.False(byAge.IsDue(force: true));
    }

    [Fact]
    public void Without_periodic_snapshots_only_a_forced_one_is_due()
    {
        var clock = new FakeTimeProvider(Model.T0);
        var snapshots = new Snapshots(Monitor(periodic: false), clock);
        snapshots.Applied(10_000);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(snapshots.IsDue(force: false));
        Assert.True(snapshots.IsDue(force: true));
    }

    private static IOptionsMonitor<SnapshotOptions> Monitor(bool periodic) =>
        new ServiceCollection().Configure<SnapshotOptions>(o => o.Periodic = periodic).BuildServiceProvider().GetRequiredService<IOptionsMonitor<SnapshotOptions>>();
}
