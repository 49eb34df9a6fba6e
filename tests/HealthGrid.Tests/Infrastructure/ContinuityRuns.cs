using System.Net;
using HealthGrid.Domain.Continuity;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>Continuity runs started over HTTP and awaited through the push that announces their end, as the planner's page does.</summary>
public static class ContinuityRuns
{
    public static async Task<ContinuityRun> RunToEndAsync(InProcessSilo silo, HttpClient http, string scenarioId)
    {
        await using var watcher = await DashboardClient.ConnectAsync(silo.BaseAddress, TestAuth.Token(TestAuth.Admin));
        using var response = await http.PostAsync($"/api/v1/continuity/scenarios/{scenarioId}/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.ReadAsync<ContinuityRun>();
        await watcher.UntilAsync(() => watcher.Runs.Any(r => r.Id == started.Id && r.Status != RunStatus.Running), $"the end of run {started.Id}");
        return await http.GetJsonAsync<ContinuityRun>($"/api/v1/continuity/runs/{started.Id}");
    }
}
