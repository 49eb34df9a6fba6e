using HealthGrid.Domain.Continuity;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// Embedded mode's index from each dependency node (a process, site, supplier or journey stage) to
/// the customers depending on it, moved along as profiles change (a newer profile version replaces
/// a customer's rows, an older one is ignored). Thread-safe; profile changes are rare next to reads.
/// </summary>
internal sealed class DependencyIndex
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CustomerDependencies> byCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<DisruptionNode, HashSet<string>> byNode = [];

    /// <summary>Takes an erased customer out of the index: its rows go, whatever their version.</summary>
    public void Remove(string customerId)
    {
        lock (gate)
        {
            if (byCustomer.Remove(customerId))
            {
                foreach (var members in byNode.Values)
                {
                    members.Remove(customerId);
                }

                foreach (var empty in byNode.Where(n => n.Value.Count == 0).Select(n => n.Key).ToList())
                {
                    byNode.Remove(empty);
                }
            }
        }
    }

    public void Put(CustomerDependencies customer)
    {
        lock (gate)
        {
            if (byCustomer.TryGetValue(customer.CustomerId, out var previous))
            {
                if (previous.ProfileVersion > customer.ProfileVersion)
                {
                    return;
                }

                foreach (var dependency in previous.Dependencies)
                {
                    var node = new DisruptionNode(dependency.Type, dependency.Id);
                    if (byNode.TryGetValue(node, out var members) && members.Remove(customer.CustomerId) && members.Count == 0)
                    {
                        byNode.Remove(node);
                    }
                }
            }

            byCustomer[customer.CustomerId] = customer;
            foreach (var dependency in customer.Dependencies)
            {
                var node = new DisruptionNode(dependency.Type, dependency.Id);
                if (!byNode.TryGetValue(node, out var members))
                {
                    members = new HashSet<string>(StringComparer.Ordinal);
                    byNode[node] = members;
                }

                members.Add(customer.CustomerId);
            }
        }
    }

    public string[] Dependents(IReadOnlyCollection<DisruptionNode> nodes)
    {
        lock (gate)
        {
            var customers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                if (byNode.TryGetValue(node, out var members))
                {
                    customers.UnionWith(members);
                }
            }

            return [.. customers];
        }
    }

    public DependencyNodeView[] Nodes()
    {
        lock (gate)
        {
            return [.. byNode.Select(n => new DependencyNodeView(n.Key.Type, n.Key.Id, null, n.Value.Count)).OrderBy(n => n.Type).ThenBy(n => n.Id, StringComparer.Ordinal)];
        }
    }
}
