using System.Globalization;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// Generates demo interactions of every kind. Troubled customers get more complaints, late
/// deliveries, late payments and frustrated live chats, so scores visibly move apart.
/// </summary>
internal sealed class DemoEvents(DemoOrganisation organisation, Random random)
{
    private static readonly (string Kind, double Weight)[] Mix =
    [
        ("message", 0.3), ("survey", 0.13), ("ticket_opened", 0.08), ("ticket_updated", 0.08), ("ticket_resolved", 0.05), ("complaint", 0.06),
        ("delivery", 0.1), ("payment", 0.07), ("usage", 0.08), ("social_mention", 0.04), ("system_change", 0.01),
    ];

    private const int RecentTickets = 12;
    private readonly DemoTickets tickets = new(random);
    private long counter;

    /// <summary>
    /// A few weeks of history per customer so the demo starts with a spread of scores; past tickets
    /// and complaints are answered and resolved. Then a few tickets of troubled customers opened
    /// minutes ago, so SLA warnings, breaches and escalations show up in the first minutes.
    /// </summary>
    public IEnumerable<EventRequest> History(DateTimeOffset now)
    {
        foreach (var customer in organisation.Customers)
        {
            var count = customer.Mood switch { Mood.Troubled => 20, Mood.Mixed => 8, _ => 4 };
            for (var i = 0; i < count; i++)
            {
                var at = now - TimeSpan.FromHours(random.Next(1, 30 * 24)) - TimeSpan.FromMinutes(random.Next(60));
                var kind = Mix[DemoOrganisation.Pick(random, [.. Mix.Select(m => m.Weight)])].Kind;
                if (kind is "system_change" or "ticket_updated" or "ticket_resolved")
                {
                    continue;
                }

                var opening = For(customer, kind, at, live: false);
                yield return opening;
                if ((opening.Ticket?.TicketId ?? opening.Complaint?.CaseId) is { } caseId)
                {
                    foreach (var followUp in tickets.PastLifecycle(opening, caseId, at, now))
                    {
                        yield return followUp;
                    }
                }
            }
        }

        // Gold and platinum customers (troubled ones first) have the shortest first-response target: warnings and breaches come soonest.
        var recentCustomers = organisation.Customers
            .Where(c => c.Profile.Tier is Tier.Platinum or Tier.Gold)
            .OrderBy(c => c.Mood == Mood.Troubled ? 0 : 1)
            .Take(RecentTickets);
        foreach (var customer in recentCustomers)
        {
            var recent = For(customer, "ticket_opened", now - TimeSpan.FromSeconds(random.Next(11 * 60, 16 * 60)), live: false);
            recent.Ticket!.Severity = "high";
            yield return recent;
        }
    }

    /// <summary>One live event; troubled customers are picked more often.</summary>
    public EventRequest Next(DateTimeOffset now)
    {
        var kind = Mix[DemoOrganisation.Pick(random, [.. Mix.Select(m => m.Weight)])].Kind;
        if (kind == "system_change")
        {
            return Change(now);
        }

        var customers = organisation.Customers;
        var troubled = random.NextDouble() < 0.4;
        var candidates = troubled ? customers.Where(c => c.Mood == Mood.Troubled).ToList() : [];
        var customer = candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : customers[random.Next(customers.Count)];
        return For(customer, kind, now, live: true);
    }

    private EventRequest For((CustomerProfile Profile, Mood Mood, string Team) customer, string kind, DateTimeOffset at, bool live)
    {
        var (profile, mood, team) = customer;
        var bad = mood switch { Mood.Troubled => 0.85, Mood.Mixed => 0.35, _ => 0.08 };
        var request = new EventRequest
        {
            EventId = NextId(),
            CustomerId = profile.Id,
            OccurredAt = at.ToString("O", CultureInfo.InvariantCulture),
            Kind = kind,
            Channel = "web",
            Product = profile.Products[random.Next(profile.Products.Length)],
        };
        switch (kind)
        {
            case "message":
                request.Channel = random.NextDouble() < 0.7 ? "chat" : "call";
                request.InteractionId = $"conv-{profile.Id}-{random.Next(1_000_000):D6}";
                request.Live = live;
                request.Team = team;
                request.Text = Say(bad);
                break;
            case "survey":
                request.Channel = "survey";
                request.Survey = Survey(bad);
                break;
            case "ticket_opened":
                request.Channel = "email";
                request.Ticket = tickets.Open(profile.Id, team, bad, Say(bad));
                break;
            case "ticket_updated" or "ticket_resolved":
                request.Channel = "email";
                request.Ticket = kind == "ticket_updated" ? tickets.Update(profile.Id, bad) : tickets.Resolve(profile.Id, bad);
                if (request.Ticket is null)
                {
                    // Nothing open for this customer: the traffic opens a ticket instead.
                    request.Kind = "ticket_opened";
                    request.Ticket = tickets.Open(profile.Id, team, bad, Say(bad));
                }

                break;
            case "complaint":
                request.Channel = random.NextDouble() < 0.5 ? "email" : "call";
                request.Complaint = new ComplaintRequest
                {
                    Code = DemoCatalog.ComplaintCodes[random.Next(DemoCatalog.ComplaintCodes.Length)],
                    Severity = random.NextDouble() < bad ? "high" : "medium",
                    Text = Say(Math.Max(bad, 0.5)),
                    CaseId = tickets.OpenComplaint(profile.Id, team),
                    Team = team,
                };
                break;
            case "delivery":
                request.Channel = "field";
                var late = random.NextDouble() < bad;
                request.Delivery = new DeliveryRequest { OnTime = !late, DelayHours = late ? random.Next(2, 72) : null };
                break;
            case "payment":
                request.Channel = "system";
                request.Payment = new PaymentRequest { DaysLate = random.NextDouble() < bad ? random.Next(3, 45) : 0 };
                break;
            case "usage":
                request.Channel = "system";
                var licensed = 20 + random.Next(480);
                var share = mood == Mood.Troubled ? 0.15 + (random.NextDouble() * 0.35) : 0.5 + (random.NextDouble() * 0.5);
                request.Usage = new UsageRequest { ActiveUsers = (int)(licensed * share), LicensedUsers = licensed };
                break;
            default:
                request.Channel = "social";
                request.Text = DemoCatalog.SocialPosts[random.Next(DemoCatalog.SocialPosts.Length)];
                request.Social = new SocialRequest { Platform = "linkedin" };
                break;
        }

        return request;
    }

    private EventRequest Change(DateTimeOffset at) => new()
    {
        EventId = NextId(),
        OccurredAt = at.ToString("O", CultureInfo.InvariantCulture),
        Kind = "system_change",
        Channel = "system",
        Change = new ChangeRequest
        {
            Description = DemoCatalog.ChangeDescriptions[random.Next(DemoCatalog.ChangeDescriptions.Length)],
            Product = DemoCatalog.Products[random.Next(DemoCatalog.Products.Length)],
        },
    };

    private string Say(double bad)
    {
        var roll = random.NextDouble();
        var pool = roll < bad * 0.45 ? DemoCatalog.FrustratedMessages
            : roll < bad ? DemoCatalog.UnhappyMessages
            : roll < bad + 0.35 ? DemoCatalog.NeutralMessages
            : DemoCatalog.HappyMessages;
        return pool[random.Next(pool.Length)];
    }

    private SurveyRequest Survey(double bad)
    {
        var good = random.NextDouble() >= bad;
        return random.Next(3) switch
        {
            0 => new SurveyRequest { Type = "nps", Score = good ? random.Next(7, 11) : random.Next(0, 7), Verbatim = good ? null : Say(1) },
            1 => new SurveyRequest { Type = "csat", Score = good ? random.Next(4, 6) : random.Next(1, 4) },
            _ => new SurveyRequest { Type = "ces", Score = good ? random.Next(5, 8) : random.Next(1, 4) },
        };
    }

    private string NextId() => $"demo-{random.NextInt64():x16}-{++counter}";
}
