using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Grains;

/// <summary>Profiles and events with ids unique to the test.</summary>
internal static class Ids
{
    public static async Task<string> AccountAsync(IGrainFactory grains)
    {
        var id = TestOrganisation.NewId("acct");
        await grains.GetGrain<IAccountGrain>(id).UpsertProfileAsync(new AccountProfile { Id = id, Name = id, AccountManager = "am-test" });
        return id;
    }

    public static CustomerProfile Customer(string id, string accountId, decimal revenue = 1000) => new()
    {
        Id = id, AccountId = accountId, Name = id, Tier = Tier.Gold, Segment = "enterprise", Region = "EU",
        Products = ["payments"], Criticality = Criticality.High, Revenue = revenue,
    };

    public static async Task<string> CustomerAsync(IGrainFactory grains, string accountId, decimal revenue = 1000)
    {
        var id = TestOrganisation.NewId("cust");
        var result = await grains.GetGrain<ICustomerGrain>(id).UpsertProfileAsync(Customer(id, accountId, revenue));
        Assert.True(result.Created);
        return id;
    }

    /// <summary>A ticket event of a gold customer's high-severity chat for team EMEA (the shipped critical-accounts policy: 15 minutes to first response).</summary>
    public static Interaction Ticket(string customer, string ticket, InteractionKind kind, DateTimeOffset at) => new()
    {
        EventId = TestOrganisation.NewId("evt"),
        CustomerId = customer,
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.Chat,
        Kind = kind,
        JourneyStage = "support",
        Ticket = new TicketDetails(ticket, Severity.High, "general", null, Assignee: "ana", Team: "team-emea"),
    };

    public static Interaction Event(string customerId, InteractionKind kind, string? eventId = null, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var e = new Interaction
        {
            EventId = eventId ?? TestOrganisation.NewId("evt"),
            CustomerId = customerId,
            OccurredAt = when,
            ReceivedAt = DateTimeOffset.UtcNow,
            Channel = Channel.Web,
            Kind = kind,
            JourneyStage = kind == InteractionKind.Complaint ? "billing" : "support",
            Product = "payments",
        };
        return kind switch
        {
            InteractionKind.Survey => e with { Survey = new SurveyDetails(SurveyType.Csat, 1, null) },
            InteractionKind.Complaint => e with { Complaint = new ComplaintDetails("BILL-DUP", Severity.High, "charged twice") },
            InteractionKind.Message => e with { Message = new MessageDetails(TestOrganisation.NewId("conv"), "I want to speak to a manager!!", true, MessageDirection.Customer, "team-emea") },
            InteractionKind.Payment => e with { Payment = new PaymentDetails(20) },
            InteractionKind.SystemChange => e with { CustomerId = null, Change = new SystemChangeDetails("chg-1", "Billing engine 4.2", "payments", "EU") },
            _ => e with { Usage = new UsageDetails(10, 100) },
        };
    }
}
