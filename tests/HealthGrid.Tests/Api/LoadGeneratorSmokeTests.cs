using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Scenarios;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The load generator's scenarios, briefly and slowly, against a silo in its own process (its
/// metrics are its own): the tool cannot rot, and the alert path it times works end to end.
/// </summary>
public sealed class LoadGeneratorSmokeTests
{
    private static readonly Credentials Credentials = Credentials.FromSigningKey(TestAuth.SigningKey);

    [Fact]
    public async Task Live_chat_receives_an_alert_for_every_message()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var output = new StringWriter();
        var exit = await LiveChatScenario.RunAsync(silo.Http.BaseAddress!, Credentials, rate: 50, TimeSpan.FromSeconds(2), TimeSpan.Zero, customers: 10, output);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("alerts missing 0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("message → alert at the SignalR client: n=100", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sla_storm_receives_every_breach_at_its_due_time()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var output = new StringWriter();
        var exit = await SlaStormScenario.RunAsync(silo.Http.BaseAddress!, Credentials, cases: 40, customers: 10, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), output);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("due → breach alert at the SignalR client: n=40", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("server fire delay (on-time breaches): n=40", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Busy_customer_updates_its_many_cases()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var output = new StringWriter();
        var exit = await BusyCustomerScenario.RunAsync(silo.Http.BaseAddress!, Credentials, cases: 50, rate: 50, TimeSpan.FromSeconds(2), output);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("case update → 202 accepted: n=100", output.ToString(), StringComparison.Ordinal);
    }
}
