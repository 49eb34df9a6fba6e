using System.Diagnostics;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Live;
using HealthGrid.Domain.Alerts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.LoadTests.Measure;

/// <summary>A dashboard client signed in as the load-test desk (<see cref="Credentials"/>), timing each alert's arrival.</summary>
public sealed class AlertListener : IAsyncDisposable
{
    private readonly HubConnection connection;

    private AlertListener(HubConnection connection) => this.connection = connection;

    public static async Task<AlertListener> ConnectAsync(Uri server, Credentials credentials, Action<Alert, long> received)
    {
        var token = credentials.ListenerToken;
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
