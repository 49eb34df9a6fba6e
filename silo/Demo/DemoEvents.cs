using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// Generates demo interactions of every kind. Troubled customers get more complaints, late
/// deliveries, late payments and frustrated live chats, so scores visibly move apart.
/// </summary>
internal sealed class DemoEvents(DemoOrganisation organisation, Random random)
{
    private static readonly (InteractionKind Kind, double Weight)[] Mix =
    [
        (InteractionKind.Message, 0.3), (InteractionKind.Survey, 0.13), (InteractionKind.TicketOpened, 0.08), (InteractionKind.TicketUpdated, 0.08),
        (InteractionKind.TicketResolved, 0.05), (InteractionKind.Complaint, 0.06), (InteractionKind.Delivery, 0.1), (InteractionKind.Payment, 0.07),
        (InteractionKind.Usage, 0.08), (InteractionKind.SocialMention, 0.04), (InteractionKind.SystemChange, 0.01),
    ];

    private const int RecentTickets = 12;
    private readonly DemoTickets tickets = new(random);
    private readonly DemoConversations conversations = new(random);
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
                if (kind is InteractionKind.SystemChange or InteractionKind.TicketUpdated or InteractionKind.TicketResolved)
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
            var recent = For(customer, InteractionKind.TicketOpened, now - TimeSpan.FromSeconds(random.Next(11 * 60, 16 * 60)), live: false);
            yield return recent with { Ticket = recent.Ticket! with { Severity = Severity.High } };
        }
    }

    /// <summary>One live event; troubled customers are picked more often.</summary>
    public EventRequest Next(DateTimeOffset now)
    {
        var kind = Mix[DemoOrganisation.Pick(random, [.. Mix.Select(m => m.Weight)])].Kind;
        if (kind == InteractionKind.SystemChange)
        {
            return Change(now);
        }

        var customers = organisation.Customers;
        var troubled = random.NextDouble() < 0.4;
        var candidates = troubled ? customers.Where(c => c.Mood == Mood.Troubled).ToList() : [];
        var customer = candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : customers[random.Next(customers.Count)];
        if (kind == InteractionKind.Message)
        {
            var (speaking, conversation, channel, live) = conversations.Next(customer);
            return For(speaking, kind, now, live: true) with { InteractionId = conversation, Channel = channel, Live = live };
        }

        return For(customer, kind, now, live: true);
    }

    private EventRequest For((CustomerProfile Profile, Mood Mood, string Team) customer, InteractionKind kind, DateTimeOffset at, bool live)
    {
        var (profile, mood, team) = customer;
        var bad = mood switch { Mood.Troubled => 0.85, Mood.Mixed => 0.35, _ => 0.08 };
        var request = new EventRequest
        {
            EventId = NextId(),
            CustomerId = profile.Id,
            OccurredAt = at,
            Kind = kind,
            Channel = Channel.Web,
            Product = profile.Products[random.Next(profile.Products.Length)],
        };
        switch (kind)
        {
            case InteractionKind.Message:
                return request with
                {
                    Channel = random.NextDouble() < 0.7 ? Channel.Chat : Channel.Call,
                    InteractionId = $"conv-{profile.Id}-{random.Next(1_000_000):D6}",
                    Live = live,
                    Team = team,
                    Text = Say(bad),
                };
            case InteractionKind.Survey:
                return request with { Channel = Channel.Survey, Survey = Survey(bad) };
            case InteractionKind.TicketOpened:
                return request with { Channel = Channel.Email, Ticket = tickets.Open(profile.Id, team, bad, Say(bad)) };
            case InteractionKind.TicketUpdated or InteractionKind.TicketResolved:
                var update = kind == InteractionKind.TicketUpdated ? tickets.Update(profile.Id, bad) : tickets.Resolve(profile.Id, bad);

                // Nothing open for this customer: the traffic opens a ticket instead.
                return update is null
                    ? request with { Channel = Channel.Email, Kind = InteractionKind.TicketOpened, Ticket = tickets.Open(profile.Id, team, bad, Say(bad)) }
                    : request with { Channel = Channel.Email, Ticket = update };
            case InteractionKind.Complaint:
                return request with
                {
                    Channel = random.NextDouble() < 0.5 ? Channel.Email : Channel.Call,
                    Complaint = new ComplaintRequest
                    {
                        Code = DemoCatalog.ComplaintCodes[random.Next(DemoCatalog.ComplaintCodes.Length)],
                        Severity = random.NextDouble() < bad ? Severity.High : Severity.Medium,
                        Text = Say(Math.Max(bad, 0.5)),
                        CaseId = tickets.OpenComplaint(profile.Id, team),
                        Team = team,
                    },
                };
            case InteractionKind.Delivery:
                var late = random.NextDouble() < bad;
                return request with { Channel = Channel.Field, Delivery = new DeliveryRequest { OnTime = !late, DelayHours = late ? random.Next(2, 72) : null } };
            case InteractionKind.Payment:
                return request with { Channel = Channel.System, Payment = new PaymentRequest { DaysLate = random.NextDouble() < bad ? random.Next(3, 45) : 0 } };
            case InteractionKind.Usage:
                var licensed = 20 + random.Next(480);
                var share = mood == Mood.Troubled ? 0.15 + (random.NextDouble() * 0.35) : 0.5 + (random.NextDouble() * 0.5);
                return request with { Channel = Channel.System, Usage = new UsageRequest { ActiveUsers = (int)(licensed * share), LicensedUsers = licensed } };
            default:
                return request with
                {
                    Channel = Channel.Social,
                    Text = DemoCatalog.SocialPosts[random.Next(DemoCatalog.SocialPosts.Length)],
                    Social = new SocialRequest { Platform = "linkedin" },
                };
        }
    }

    private EventRequest Change(DateTimeOffset at) => new()
    {
        EventId = NextId(),
        OccurredAt = at,
        Kind = InteractionKind.SystemChange,
        Channel = Channel.System,
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
            0 => new SurveyRequest { Type = SurveyType.Nps, Score = good ? random.Next(7, 11) : random.Next(0, 7), Verbatim = good ? null : Say(1) },
            1 => new SurveyRequest { Type = SurveyType.Csat, Score = good ? random.Next(4, 6) : random.Next(1, 4) },
            _ => new SurveyRequest { Type = SurveyType.Ces, Score = good ? random.Next(5, 8) : random.Next(1, 4) },
        };
    }

    private string NextId() => $"demo-{random.NextInt64():x16}-{++counter}";
}
