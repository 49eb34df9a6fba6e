using System.Text.Json;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Workloads;

/// <summary>The kinds of event a workload sends, with their shares.</summary>
public enum EventMixKind
{
    /// <summary>NPS surveys only: the lightest event that still moves a score.</summary>
    Survey,

    /// <summary>Every kind, weighted as on a peak-season day (chat and deliveries dominate, some live chats turn frustrated).</summary>
    Peak,

    /// <summary>Frustrated customer messages, each in a new live chat: each should raise one frustration alert.</summary>
    FrustratedChat,
}

/// <summary>
/// Writes events as JSON, straight into the request body, deterministically from (request, index):
/// the same numbers always give the same event, so accepted requests can be matched to the alerts
/// they should cause without remembering what was sent.
/// </summary>
public sealed class EventMix(EventMixKind kind, string run)
{
    public const string Team = Credentials.Team;

    private static readonly (string Kind, double Share)[] PeakShares =
    [
        ("message", 0.28), ("delivery", 0.16), ("survey", 0.14), ("ticket_opened", 0.08), ("ticket_updated", 0.08),
        ("payment", 0.08), ("usage", 0.08), ("social_mention", 0.05), ("complaint", 0.03), ("frustrated", 0.02),
    ];

    private static readonly string[] ComplaintCodes = ["BILL-DUP", "DLV-DAMAGED", "DLV-LATE"];

    public EventMixKind Kind => kind;

    /// <summary>Whether event (request, index) is a frustrated live message, and its conversation (the alert's key).</summary>
    public string? FrustratedConversation(long request, int index, ulong hash) =>
        KindOf(hash) == "frustrated" ? Conversation(request, index) : null;

    public void Write(Utf8JsonWriter json, long request, int index, string customer, ulong hash)
    {
        var eventKind = KindOf(hash);
        json.WriteStartObject();
        json.WriteString("eventId", $"{run}-{request}-{index}");
        json.WriteString("customerId", customer);
        json.WriteString("occurredAt", DateTimeOffset.UtcNow);
        var roll = (int)(hash >> 40);
        switch (eventKind)
        {
            case "survey":
                Channel(json, "survey", "survey");
                json.WriteStartObject("survey");
                json.WriteString("type", "nps");
                json.WriteNumber("score", roll % 11);
                json.WriteEndObject();
                break;
            case "message":
                Channel(json, roll % 3 == 0 ? "call" : "chat", "message");
                // A quarter of them carry a telephone number, as support chats do: redaction at the door has work.
                json.WriteString("text", (roll % 4) switch
                {
                    0 => "Thanks, that sorted it.",
                    1 => "Where is my order? Call me back on +44 20 7946 0958.",
                    _ => "Where is my order? It was due yesterday.",
                });
                // Conversation ids belong to one customer (another customer's message with one is a 409).
                json.WriteString("interactionId", $"{run}-{customer}-chat{roll % 4}");
                json.WriteBoolean("live", roll % 2 == 0);
                json.WriteString("team", Team);
                break;
            case "frustrated":
                Channel(json, "chat", "message");
                json.WriteString("text", "This is the third time I'm calling about this, I want to speak to a manager!");
                json.WriteString("interactionId", Conversation(request, index));
                json.WriteBoolean("live", true);
                json.WriteString("team", Team);
                break;
            case "delivery":
                Channel(json, "field", "delivery");
                json.WriteStartObject("delivery");
                json.WriteBoolean("onTime", roll % 4 != 0);
                if (roll % 4 == 0)
                {
                    json.WriteNumber("delayHours", 2 + (roll % 48));
                }

                json.WriteEndObject();
                break;
            case "ticket_opened" or "ticket_updated":
                Channel(json, "email", eventKind);
                json.WriteStartObject("ticket");
                json.WriteString("ticketId", $"{run}-{customer}-t{roll % 4}");
                json.WriteString("severity", roll % 5 == 0 ? "high" : "medium");
                json.WriteString("team", Team);
                json.WriteEndObject();
                break;
            case "payment":
                Channel(json, "system", "payment");
                json.WriteStartObject("payment");
                json.WriteNumber("daysLate", roll % 5 == 0 ? roll % 40 : 0);
                json.WriteEndObject();
                break;
            case "usage":
                Channel(json, "system", "usage");
                json.WriteStartObject("usage");
                json.WriteNumber("activeUsers", 20 + (roll % 80));
                json.WriteNumber("licensedUsers", 100);
                json.WriteEndObject();
                break;
            case "social_mention":
                Channel(json, "social", "social_mention");
                json.WriteString("text", roll % 2 == 0 ? "Loving the fast delivery this week" : "Still waiting for my parcel, not impressed");
                break;
            default:
                Channel(json, "email", "complaint");
                json.WriteStartObject("complaint");
                json.WriteString("code", ComplaintCodes[roll % ComplaintCodes.Length]);
                json.WriteString("severity", "medium");
                json.WriteString("team", Team);
                json.WriteEndObject();
                break;
        }

        json.WriteEndObject();
    }

    private string Conversation(long request, int index) => $"{run}-live{request}-{index}";

    private string KindOf(ulong hash)
    {
        switch (kind)
        {
            case EventMixKind.Survey:
                return "survey";
            case EventMixKind.FrustratedChat:
                return "frustrated";
        }

        var unit = Hash.Unit(hash * 31);
        foreach (var (name, share) in PeakShares)
        {
            if (unit < share)
            {
                return name;
            }

            unit -= share;
        }

        return "message";
    }

    private static void Channel(Utf8JsonWriter json, string channel, string eventKind)
    {
        json.WriteString("channel", channel);
        json.WriteString("kind", eventKind);
    }
}
