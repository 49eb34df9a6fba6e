using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>Who an audience is, as contact points: a team fans out to its channel, its members or both.</summary>
public sealed class NotificationRecipients(NotificationOptions options)
{
    private readonly Dictionary<string, RecipientSettings> byAudience = options.Recipients.ToDictionary(r => r.Audience, StringComparer.Ordinal);
    private readonly Dictionary<string, ContactPointSettings> contactPoints = options.ContactPoints.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>Every (recipient, enabled contact point) a rule's steps reach for an audience, with the step.</summary>
    public IEnumerable<(string Recipient, ContactPointSettings ContactPoint, NotificationStepSettings Step, int Index)> Reached(Audience audience, NotificationRuleSettings rule)
    {
        foreach (var recipient in Expand(audience))
        {
            for (var i = 0; i < rule.Steps.Count; i++)
            {
                var step = rule.Steps[i];
                foreach (var point in PointsOf(recipient).Where(p => step.Channels.Contains(p.Kind)))
                {
                    yield return (recipient.Audience, point, step, i);
                }
            }
        }
    }

    private IEnumerable<RecipientSettings> Expand(Audience audience)
    {
        if (!byAudience.TryGetValue(audience.Group, out var entry))
        {
            yield break;
        }

        if (audience.Kind != AudienceKind.Team || entry.Delivery != TeamDelivery.Members)
        {
            yield return entry;
        }

        if (audience.Kind == AudienceKind.Team && entry.Delivery != TeamDelivery.Channel)
        {
            foreach (var member in entry.Members)
            {
                if (byAudience.TryGetValue(new Audience(AudienceKind.User, member).Group, out var person))
                {
                    yield return person;
                }
            }
        }
    }

    private IEnumerable<ContactPointSettings> PointsOf(RecipientSettings recipient) =>
        recipient.ContactPoints.Select(id => contactPoints.GetValueOrDefault(id)).OfType<ContactPointSettings>().Where(p => p.Enabled);
}
