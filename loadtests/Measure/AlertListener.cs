using System.Diagnostics;
using HealthGrid.Alerts;
using HealthGrid.Auth;
using HealthGrid.Hubs;
using HealthGrid.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.LoadTests.Measure;

/// <summary>A dashboard client signed in as an executive (who sees every alert), timing each alert's arrival.</summary>
public sealed class AlertListener : IAsyncDisposable
{
    private readonly HubConnection connection;

    private AlertListener(HubConnection connection) => this.connection = connection;

    /// <summary>Connects with a token signed by <paramref name="signingKey"/>, which must be the server's <c>HealthGrid:Auth:SigningKey</c>.</summary>
    public static async Task<AlertListener> ConnectAsync(Uri server, string signingKey, Action<Alert, long> received)
    {
        var auth = Options.Create(new AuthOptions { SigningKey = signingKey });
        var token = new TokenIssuer(new SigningKey(auth), auth, TimeProvider.System)
            .Issue(new TokenRequest("loadtests", "Load tests", [HealthGridRoles.Executive]));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, DashboardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        connection.On<Alert>(nameof(IDashboardClient.AlertChanged), alert => received(alert, Stopwatch.GetTimestamp()));
        await connection.StartAsync();
        return new AlertListener(connection);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
