using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// The life of demo tickets and complaint cases: opened, answered by an agent (troubled customers'
/// often too late, so SLA warnings, breaches and escalations show up), customer replies, waiting on
/// the customer, resolved. History tickets are resolved in the past; live ones stay open until the
/// traffic resolves them.
/// </summary>
internal sealed class DemoTickets(Random random)
{
    private readonly Dictionary<string, List<(string Id, string Assignee)>> open = new(StringComparer.Ordinal);
    private long counter;

    /// <summary>A new ticket for the customer, assigned to an agent of its team.</summary>
    public TicketRequest Open(string customerId, string team, double bad, string text)
    {
        var ticket = new TicketRequest
        {
            TicketId = $"T-{customerId}-{++counter}",
            Severity = random.NextDouble() < bad ? Severity.High : random.NextDouble() < 0.5 ? Severity.Medium : Severity.Low,
            Category = DemoCatalog.TicketCategories[random.Next(DemoCatalog.TicketCategories.Length)],
            Text = text,
            Assignee = Agent(team),
            Team = team,
        };
        Track(customerId, ticket.TicketId, ticket.Assignee);
        return ticket;
    }

    /// <summary>The id of a new complaint case, tracked so later updates can answer and resolve it.</summary>
    public string OpenComplaint(string customerId, string team)
    {
        var id = $"C-{customerId}-{++counter}";
        Track(customerId, id, Agent(team));
        return id;
    }

    /// <summary>An update to one of the customer's open tickets: an agent's answer, the customer's reply or a status change; null when none is open.</summary>
    public TicketRequest? Update(string customerId, double bad)
    {
        if (Pick(customerId) is not { } ticket)
        {
            return null;
        }

        var roll = random.NextDouble();
        return roll switch
        {
            < 0.45 => new TicketRequest { TicketId = ticket.Id, Author = MessageDirection.Agent, Status = CaseStatus.Investigating, Assignee = ticket.Assignee, Text = "We are looking into it and will update you shortly." },
            < 0.75 => new TicketRequest { TicketId = ticket.Id, Author = MessageDirection.Customer, Text = random.NextDouble() < bad ? "Any news? This is still not working." : "Thanks, here are the details you asked for." },
            _ => new TicketRequest { TicketId = ticket.Id, Author = MessageDirection.Agent, Status = CaseStatus.WaitingOnCustomer, Assignee = ticket.Assignee, Text = "Could you send us the invoice number?" },
        };
    }

    /// <summary>Resolves one of the customer's open tickets; null when none is open.</summary>
    public TicketRequest? Resolve(string customerId, double bad)
    {
        if (Pick(customerId) is not { } ticket)
        {
            return null;
        }

        open[customerId].Remove(ticket);
        return new TicketRequest { TicketId = ticket.Id, Assignee = ticket.Assignee, SlaBreached = random.NextDouble() < bad / 3 };
    }

    /// <summary>A past ticket or complaint case answered and resolved before <paramref name="now"/>: the follow-up events after its opening.</summary>
    public IEnumerable<EventRequest> PastLifecycle(EventRequest opening, string caseId, DateTimeOffset openedAt, DateTimeOffset now)
    {
        var assignee = open[opening.CustomerId!].Find(t => t.Id == caseId).Assignee;
        var resolvedAt = openedAt + TimeSpan.FromHours(random.Next(1, 48));
        if (resolvedAt >= now)
        {
            resolvedAt = now - TimeSpan.FromMinutes(random.Next(1, 30));
        }

        // Answered within the first fifth of its life: mostly in time, sometimes not.
        var answeredAt = openedAt + ((resolvedAt - openedAt) * random.NextDouble() * 0.2);
        yield return FollowUp(opening, InteractionKind.TicketUpdated, answeredAt, new TicketRequest { TicketId = caseId, Author = MessageDirection.Agent, Status = CaseStatus.Investigating, Assignee = assignee });
        yield return FollowUp(opening, InteractionKind.TicketResolved, resolvedAt, new TicketRequest { TicketId = caseId, Assignee = assignee });
        open[opening.CustomerId!].RemoveAll(t => t.Id == caseId);
    }

    private EventRequest FollowUp(EventRequest opening, InteractionKind kind, DateTimeOffset at, TicketRequest ticket) => new()
    {
        EventId = $"{opening.EventId}-{EnumNames<InteractionKind>.Name(kind)}",
        CustomerId = opening.CustomerId,
        OccurredAt = at,
        Kind = kind,
        Channel = Channel.Email,
        Ticket = ticket,
    };

    private string Agent(string team) => DemoCatalog.Agents[team][random.Next(DemoCatalog.Agents[team].Length)];

    private void Track(string customerId, string id, string assignee)
    {
        if (!open.TryGetValue(customerId, out var tickets))
        {
            tickets = [];
            open[customerId] = tickets;
        }

        tickets.Add((id, assignee));
    }

    private (string Id, string Assignee)? Pick(string customerId) =>
        open.TryGetValue(customerId, out var tickets) && tickets.Count > 0 ? tickets[random.Next(tickets.Count)] : null;
}
