using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// Customer-initiated contacts (a ticket, a complaint, a new conversation) and repeat contacts: a
/// contact within the repeat window of another, or one whose text says so ("third time I'm calling").
/// </summary>
public static class Contacts
{
    public static void Record(HealthState state, Interaction e, TextSignal text, ObservationSettings settings, List<Observation> observations)
    {
        TrackTickets(state, e);
        if (!IsNewContact(state, e))
        {
            return;
        }

        var at = e.OccurredAt.ToUnixTimeSeconds();
        var window = (long)TimeSpan.FromHours(settings.RepeatContactWindowHours).TotalSeconds;
        var withinWindow = state.RecentContacts.Exists(c => c <= at && at - c <= window);
        Insert(state.RecentContacts, at);

        if (withinWindow || text.Cues.Contains(IntentCues.RepeatContact))
        {
            state.RepeatContacts += 1;
            var why = withinWindow ? $"repeat contact within {settings.RepeatContactWindowHours:0.#} h" : "customer says they are contacting again";
            observations.Add(new Observation(HealthComponent.SupportLoad, settings.RepeatContactLoad, 1, why));
        }
    }

    /// <summary>Contacts counted since <paramref name="since"/>, at most <see cref="HealthState.MaxRecentContacts"/>.</summary>
    public static int CountSince(HealthState state, DateTimeOffset since)
    {
        var cutoff = since.ToUnixTimeSeconds();
        return state.RecentContacts.Count(c => c >= cutoff);
    }

    private static bool IsNewContact(HealthState state, Interaction e)
    {
        switch (e.Kind)
        {
            case InteractionKind.TicketOpened:
            case InteractionKind.Complaint:
                return true;
            case InteractionKind.Message when e.Message is { Direction: MessageDirection.Customer } message:
                if (state.RecentInteractions.Contains(message.InteractionId))
                {
                    return false;
                }

                state.RecentInteractions.Add(message.InteractionId);
                if (state.RecentInteractions.Count > HealthState.MaxRecentInteractions)
                {
                    state.RecentInteractions.RemoveAt(0);
                }

                return true;
            default:
                return false;
        }
    }

    private static void TrackTickets(HealthState state, Interaction e)
    {
        if (e.Ticket is not { } ticket)
        {
            return;
        }

        if (e.Kind == InteractionKind.TicketResolved)
        {
            state.OpenTickets.Remove(ticket.TicketId);
        }
        else if (!state.OpenTickets.Contains(ticket.TicketId) && state.OpenTickets.Count < HealthState.MaxOpenTickets)
        {
            state.OpenTickets.Add(ticket.TicketId);
        }
    }

    private static void Insert(List<long> contacts, long at)
    {
        var index = contacts.BinarySearch(at);
        contacts.Insert(index < 0 ? ~index : index, at);
        if (contacts.Count > HealthState.MaxRecentContacts)
        {
            contacts.RemoveAt(0);
        }
    }
}
