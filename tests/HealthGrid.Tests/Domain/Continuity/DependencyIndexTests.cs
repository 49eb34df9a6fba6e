using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Tests.Domain.Continuity;

public sealed class DependencyIndexTests
{
    private static readonly DisruptionNode Billing = new(DependencyType.Process, "billing");
    private static readonly DisruptionNode Amsterdam = new(DependencyType.Site, "site-ams");

    [Fact]
    public void Follows_profile_changes_and_ignores_an_older_version_arriving_late()
    {
        var index = new DependencyIndex();
        index.Put(new CustomerDependencies("c-1", 1, [Dependency(Billing), Dependency(Amsterdam)]));
        index.Put(new CustomerDependencies("c-2", 1, [Dependency(Billing)]));
        Assert.Equal(["c-1", "c-2"], index.Dependents([Billing]).Order());

        index.Put(new CustomerDependencies("c-1", 2, [Dependency(Amsterdam)]));
        index.Put(new CustomerDependencies("c-1", 1, [Dependency(Billing)]));
        Assert.Equal(["c-2"], index.Dependents([Billing]));
        Assert.Equal(["c-1", "c-2"], index.Dependents([Billing, Amsterdam]).Order());
        Assert.Equal([(DependencyType.Process, "billing", 1), (DependencyType.Site, "site-ams", 1)], index.Nodes().Select(n => (n.Type, n.Id, n.Customers)));

        index.Put(new CustomerDependencies("c-2", 3, []));
        Assert.Empty(index.Dependents([Billing]));
        Assert.DoesNotContain(index.Nodes(), n => n.Id == "billing");
    }

    private static Dependency Dependency(DisruptionNode node) => new(node.Type, node.Id, 8);
}
