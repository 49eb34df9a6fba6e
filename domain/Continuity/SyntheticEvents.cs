using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// The events a disruption makes a customer produce, fed to the same health model and case engine as
/// real ones. For each stretch a node gives less than the customer tolerates:
/// <list type="bullet">
/// <item>a process or journey stage: the customer opens a ticket about it a quarter of an hour in
/// (categorized under the process, so its owner's SLA policy and escalation chain apply) and nobody
/// can answer until the stretch ends;</item>
/// <item>a site or supplier: a delivery due in each day of the stretch (at most a week's) arrives at
/// its end, late by the time it waited, scaled by the capacity lost;</item>
/// <item>any node: when the recovery requirement breaks, the customer writes that the outage has
/// lasted longer than it can accept.</item>
/// </list>
/// </summary>
public static class SyntheticEvents
{
    public const string CasePrefix = "DISRUPTION-";
    private static readonly TimeSpan FirstContactAfter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DeliveryEvery = TimeSpan.FromDays(1);
    private const int MaxLateDeliveries = 7;

    public static List<Interaction> For(string customerId, CustomerProfile profile, IReadOnlyList<DependencyHit> hits, OrganisationIndex organisation, ScenarioPlan plan)
    {
        var events = new List<Interaction>();
        foreach (var hit in hits)
        {
            var node = hit.Dependency;
            var name = NameOf(node, organisation);
            for (var w = 0; w < hit.Unacceptable.Count; w++)
            {
                var window = hit.Unacceptable[w];
                var key = $"continuity:{plan.RunId}:{customerId}:{node.Type}:{node.Id}:{w}";
                if (node.Type is DependencyType.Process or DependencyType.JourneyStage)
                {
                    events.AddRange(UnansweredTicket(key, customerId, profile, node, name, window, w, organisation));
                }
                else
                {
                    events.AddRange(LateDeliveries(key, customerId, window));
                }
            }

            if (hit.BreachAt(plan.Start) is { } breachAt)
            {
                events.Add(Event($"continuity:{plan.RunId}:{customerId}:{node.Type}:{node.Id}:breach", customerId, breachAt, Channel.Email, InteractionKind.Message) with
                {
                    Message = new MessageDetails($"continuity-{node.Id}", $"{name} has now been unavailable longer than we can accept. This is unacceptable, we need an escalation.", false, MessageDirection.Customer, null),
                });
            }
        }

        return [.. events.OrderBy(e => e.OccurredAt)];
    }

    /// <summary>The case id of the ticket a stretch of a node's disruption makes the customer open.</summary>
    public static string CaseId(Dependency node, int window) => $"{CasePrefix}{node.Id}-{window + 1}";

    private static IEnumerable<Interaction> UnansweredTicket(string key, string customerId, CustomerProfile profile, Dependency node, string name, Window window, int index, OrganisationIndex organisation)
    {
        var process = node.Type == DependencyType.Process ? organisation.Process(node.Id) : organisation.ProcessesServing(node.Id).FirstOrDefault();
        var stage = node.Type == DependencyType.JourneyStage ? node.Id : process?.JourneyStage;
        var category = process is null ? null : organisation.FirstCodeOf(process.Id);
        var caseId = CaseId(node, index);
        var severity = profile.Criticality == Criticality.Critical ? Severity.Critical : Severity.High;
        var opened = window.Start + (window.Length > FirstContactAfter * 2 ? FirstContactAfter : window.Length / 2);
        var complaint = window.Severity >= 100 ? $"We cannot use {name}: it is down and our work has stopped." : $"{name} is barely working and our work is held up.";
        yield return Event($"{key}:ticket", customerId, opened, Channel.Email, InteractionKind.TicketOpened) with
        {
            JourneyStage = stage,
            Ticket = new TicketDetails(caseId, severity, category, complaint, Author: MessageDirection.Customer),
        };

        // Recovery: the process answers again.
        yield return Event($"{key}:answer", customerId, window.End, Channel.Email, InteractionKind.TicketUpdated) with
        {
            JourneyStage = stage,
            Ticket = new TicketDetails(caseId, null, category, $"{name} is available again.", Status: CaseStatus.Investigating, Author: MessageDirection.Agent),
        };
    }

    private static IEnumerable<Interaction> LateDeliveries(string key, string customerId, Window window)
    {
        var due = window.Start;
        for (var k = 0; k < MaxLateDeliveries && due < window.End; k++, due += DeliveryEvery)
        {
            var delay = (window.End - due).TotalHours * Math.Min(window.Severity, 100) / 100;
            yield return Event($"{key}:delivery:{k}", customerId, window.End, Channel.Field, InteractionKind.Delivery) with
            {
                Delivery = new DeliveryDetails(false, Math.Round(delay, 1)),
            };
        }
    }

    private static string NameOf(Dependency node, OrganisationIndex organisation) => node.Type switch
    {
        DependencyType.Process => organisation.Process(node.Id)?.Name ?? node.Id,
        DependencyType.JourneyStage => organisation.Stage(node.Id)?.Name ?? node.Id,
        _ => node.Id,
    };

    private static Interaction Event(string id, string customerId, DateTimeOffset at, Channel channel, InteractionKind kind) => new()
    {
        EventId = id,
        CustomerId = customerId,
        OccurredAt = at,
        ReceivedAt = at,
        Channel = channel,
        Kind = kind,
    };
}
