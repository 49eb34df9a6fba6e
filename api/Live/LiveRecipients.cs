using HealthGrid.Domain.Alerts;

namespace HealthGrid.Api.Live;

/// <summary>
/// The connections on this server by audience group (user, team, account, process owner, leadership).
/// SignalR's own groups would deliver an alert twice to a user in two of its audiences (a team and
/// the assignee), so recipients are resolved here, each connection once. Every server receives every
/// live change, so local connections are all a server needs to know.
/// </summary>
public sealed class LiveRecipients
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> connectionsByGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> groupsByConnection = new(StringComparer.Ordinal);

    public void Join(string connectionId, HashSet<string> groups)
    {
        lock (gate)
        {
            groupsByConnection[connectionId] = groups;
            foreach (var group in groups)
            {
                if (!connectionsByGroup.TryGetValue(group, out var members))
                {
                    members = new HashSet<string>(StringComparer.Ordinal);
                    connectionsByGroup[group] = members;
                }

                members.Add(connectionId);
            }
        }
    }

    public void Leave(string connectionId)
    {
        lock (gate)
        {
            if (!groupsByConnection.Remove(connectionId, out var groups))
            {
                return;
            }

            foreach (var group in groups)
            {
                if (connectionsByGroup.TryGetValue(group, out var members) && members.Remove(connectionId) && members.Count == 0)
                {
                    connectionsByGroup.Remove(group);
                }
            }
        }
    }

    /// <summary>No dashboard is connected to this server: live changes need no work here.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return groupsByConnection.Count == 0;
            }
        }
    }

    /// <summary>Every connection that may see the alert: its audiences, its account's managers, and those who see everything.</summary>
    public List<string> For(Alert alert) =>
        For(alert.AccountId is { } account ? alert.Audiences.Select(a => a.Group).Append(new Audience(AudienceKind.Account, account).Group) : alert.Audiences.Select(a => a.Group));

    /// <summary>Every connection in any of <paramref name="groups"/>, and those who see everything; each once.</summary>
    public List<string> For(IEnumerable<string> groups)
    {
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        lock (gate)
        {
            if (connectionsByGroup.Count == 0)
            {
                return [];
            }

            AddMembers(recipients, AlertGroups.Everything);
            foreach (var group in groups)
            {
                AddMembers(recipients, group);
            }
        }

        return [.. recipients];
    }

    private void AddMembers(HashSet<string> recipients, string group)
    {
        if (connectionsByGroup.TryGetValue(group, out var members))
        {
            recipients.UnionWith(members);
        }
    }
}
