using System.Globalization;
using System.Net;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>Creates accounts and customers with unique ids per test, and builds event bodies.</summary>
public static class TestOrganisation
{
    private static int counter;

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)] + Interlocked.Increment(ref counter);

    public static async Task<string> CreateAccountAsync(HttpClient http, string? manager = null)
    {
        var id = NewId("acct");
        using var response = await http.PutJsonAsync($"/api/v1/accounts/{id}", new { name = $"Account {id}", accountManager = manager ?? "am-test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public static async Task<string> CreateCustomerAsync(HttpClient http, string accountId, string tier = "gold", decimal revenue = 100_000, string region = "EU")
    {
        var id = NewId("cust");
        using var response = await http.PutJsonAsync($"/api/v1/customers/{id}", Customer(accountId, tier, revenue, region));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public static object Customer(string accountId, string tier = "gold", decimal revenue = 100_000, string region = "EU") => new
    {
        accountId,
        name = "Test customer",
        tier,
        segment = "enterprise",
        region,
        products = new[] { "payments" },
        criticality = "high",
        revenue,
        dependencies = new object[] { new { type = "process", id = "billing", recoveryHours = 8 } },
    };

    public static string At(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Survey(string customerId, string type, int score, DateTimeOffset? at = null, string? eventId = null) => new()
    {
        ["eventId"] = eventId ?? NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(at ?? DateTimeOffset.UtcNow),
        ["channel"] = "survey",
        ["kind"] = "survey",
        ["survey"] = new { type, score },
    };

    public static Dictionary<string, object?> Message(string customerId, string text, bool live = true, DateTimeOffset? at = null, string? eventId = null) => new()
    {
        ["eventId"] = eventId ?? NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(at ?? DateTimeOffset.UtcNow),
        ["channel"] = "chat",
        ["kind"] = "message",
        ["text"] = text,
        ["interactionId"] = NewId("conv"),
        ["live"] = live,
    };

    public static Dictionary<string, object?> Payment(string customerId, int daysLate, DateTimeOffset? at = null) => new()
    {
        ["eventId"] = NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(at ?? DateTimeOffset.UtcNow),
        ["channel"] = "system",
        ["kind"] = "payment",
        ["payment"] = new { daysLate },
    };

    public static Dictionary<string, object?> Complaint(string customerId, string code = "BILL-DUP", string severity = "high", DateTimeOffset? at = null) => new()
    {
        ["eventId"] = NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(at ?? DateTimeOffset.UtcNow),
        ["channel"] = "email",
        ["kind"] = "complaint",
        ["complaint"] = new { code, severity, text = "We were charged twice." },
    };

    public static Dictionary<string, object?> Ticket(string customerId, string kind, string ticketId, string? severity = "high", string? status = null,
        string? assignee = "ana", string? team = "team-emea", string? author = null, DateTimeOffset? at = null, string category = "billing") => new()
    {
        ["eventId"] = NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(at ?? DateTimeOffset.UtcNow),
        ["channel"] = "chat",
        ["kind"] = kind,
        ["ticket"] = new Dictionary<string, object?>
        {
            ["ticketId"] = ticketId,
            ["severity"] = severity,
            ["category"] = category,
            ["status"] = status,
            ["assignee"] = assignee,
            ["team"] = team,
            ["author"] = author,
        }.Where(p => p.Value is not null).ToDictionary(),
    };

    /// <summary>A frustrated customer message in a live chat handled by <paramref name="team"/>.</summary>
    public static Dictionary<string, object?> FrustratedLiveMessage(string customerId, string team, string? conversation = null) => new()
    {
        ["eventId"] = NewId("evt"),
        ["customerId"] = customerId,
        ["occurredAt"] = At(DateTimeOffset.UtcNow),
        ["channel"] = "chat",
        ["kind"] = "message",
        ["text"] = "This is the third time I'm calling, I want to speak to a manager!",
        ["interactionId"] = conversation ?? NewId("conv"),
        ["live"] = true,
        ["team"] = team,
    };
}
