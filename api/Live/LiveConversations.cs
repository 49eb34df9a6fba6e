using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Live;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Live;

/// <summary>
/// The live chats and calls in progress, as last pushed: every server receives every conversation
/// change, so each keeps the whole list and answers supervisors' first page load from memory.
/// Conversations that ended, or went quiet for longer than the alert rules' <c>LiveInteractionIdle</c>
/// (after which a conversation counts as over), drop out.
/// </summary>
public sealed class LiveConversations(TimeProvider time, IOptionsMonitor<AlertOptions> alerts)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LiveInteractionView> open = new(StringComparer.Ordinal);

    public void Apply(IEnumerable<LiveInteractionView> changes)
    {
        lock (gate)
        {
            foreach (var change in changes)
            {
                if (change.Ended)
                {
                    open.Remove(change.Id);
                }
                else if (!open.TryGetValue(change.Id, out var known) || known.LastMessageAt <= change.LastMessageAt)
                {
                    open[change.Id] = change;
                }
            }
        }
    }

    /// <summary>The conversations in progress that <paramref name="visible"/> admits, most frustrated first.</summary>
    public LiveInteractionView[] Current(Func<LiveInteractionView, bool> visible)
    {
        var since = time.GetUtcNow() - alerts.CurrentValue.LiveInteractionIdle;
        lock (gate)
        {
            foreach (var idle in open.Values.Where(c => c.LastMessageAt < since).Select(c => c.Id).ToList())
            {
                open.Remove(idle);
            }

            return [.. open.Values.Where(visible).OrderByDescending(c => c.Frustrated).ThenByDescending(c => c.LastMessageAt)];
        }
    }
}
