using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// The demo's live chats and calls: a few dozen at a time, each going on for a few customer messages
/// (seconds apart, as chats do), then closed — the last message is not live — or, now and then,
/// abandoned, so that it ends when it has been quiet for the idle timeout.
/// </summary>
internal sealed class DemoConversations(Random random)
{
    private const int AtMostOngoing = 30;
    private const double StartsNew = 0.3;
    private const double Abandoned = 0.03;

    private readonly List<Conversation> ongoing = [];
    private long counter;

    /// <summary>The next customer message: a new conversation of <paramref name="customer"/>, or the next message of an ongoing one.</summary>
    public ((CustomerProfile Profile, Mood Mood, string Team) Customer, string InteractionId, Channel Channel, bool Live) Next((CustomerProfile Profile, Mood Mood, string Team) customer)
    {
        if (ongoing.Count == 0 || (ongoing.Count < AtMostOngoing && random.NextDouble() < StartsNew))
        {
            var channel = random.NextDouble() < 0.7 ? Channel.Chat : Channel.Call;
            ongoing.Add(new Conversation($"conv-{customer.Profile.Id}-{++counter}", customer, channel, random.Next(2, 7)));
        }

        var index = random.Next(ongoing.Count);
        var conversation = ongoing[index];
        conversation.Left--;
        if (conversation.Left > 0)
        {
            return (conversation.Customer, conversation.Id, conversation.Channel, true);
        }

        ongoing.RemoveAt(index);

        // An abandoned chat's last message is live like the others: nothing closes it but the idle timeout.
        return (conversation.Customer, conversation.Id, conversation.Channel, random.NextDouble() < Abandoned);
    }

    private sealed class Conversation(string id, (CustomerProfile Profile, Mood Mood, string Team) customer, Channel channel, int messages)
    {
        public string Id { get; } = id;

        public Channel Channel { get; } = channel;

        public (CustomerProfile Profile, Mood Mood, string Team) Customer { get; } = customer;

        public int Left { get; set; } = messages;
    }
}
