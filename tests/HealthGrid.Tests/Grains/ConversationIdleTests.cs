using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// A live chat that goes quiet ends when the idle timeout (30 minutes in the shipped rules) has
/// passed, by the customer's own timer, not at the customer's next message: it leaves supervisors'
/// live list by a push and its frustration alert resolves, on a fake clock to the second.
/// </summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class ConversationIdleTests(FakeTimeClusterFixture fixture)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_quiet_conversation_ends_at_its_idle_timeout_and_leaves_the_live_list()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        var conversation = TestOrganisation.NewId("conv");
        var lastMessage = fixture.Clock.GetUtcNow();
        await grain.RecordInteractionsAsync([Message(customer, conversation, lastMessage, "This is the third time I'm calling, I want to speak to a manager!")]);
        await fixture.Live.UntilAsync(l => l.Conversation(conversation).Any(c => !c.Ended), "the conversation on the live list");

        // A second before the timeout it is still live.
        fixture.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        await grain.GetAccountIdAsync();
        Assert.DoesNotContain(fixture.Live.Conversation(conversation), c => c.Ended);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Live.UntilAsync(l => l.Conversation(conversation).Any(c => c.Ended), "the conversation to end");
        var ended = Assert.Single(fixture.Live.Conversation(conversation), c => c.Ended);
        Assert.Equal(lastMessage, ended.LastMessageAt);

        await fixture.Service<ProjectionPublisher>().FlushAsync();
        var alert = Assert.Single((await Grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { CustomerId = customer, Type = AlertType.Frustration })).Items);
        Assert.Equal((AlertState.Resolved, FrustrationAlerts.SystemActor, lastMessage + Idle), (alert.State, alert.ResolvedBy, alert.ResolvedAt));

        // Nothing more is due: later ticks end nothing twice.
        fixture.Clock.Advance(Idle);
        await grain.GetAccountIdAsync();
        Assert.Single(fixture.Live.Conversation(conversation), c => c.Ended);
    }

    [Fact]
    public async Task A_new_message_restarts_the_idle_clock()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        var conversation = TestOrganisation.NewId("conv");
        await grain.RecordInteractionsAsync([Message(customer, conversation, fixture.Clock.GetUtcNow(), "Hello?")]);
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = fixture.Clock.GetUtcNow();
        await grain.RecordInteractionsAsync([Message(customer, conversation, second, "Still there?")]);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await grain.GetAccountIdAsync();
        Assert.DoesNotContain(fixture.Live.Conversation(conversation), c => c.Ended);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await fixture.Live.UntilAsync(l => l.Conversation(conversation).Any(c => c.Ended), "the conversation to end");
        Assert.Equal(second, fixture.Live.Conversation(conversation).Single(c => c.Ended).LastMessageAt);
    }

    private static Interaction Message(string customer, string conversation, DateTimeOffset at, string text) => new()
    {
        EventId = TestOrganisation.NewId("evt"),
        CustomerId = customer,
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.Chat,
        Kind = InteractionKind.Message,
        JourneyStage = "support",
        Message = new MessageDetails(conversation, text, Live: true, MessageDirection.Customer, Team: "team-emea"),
    };
}
