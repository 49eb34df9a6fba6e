using Microsoft.AspNetCore.SignalR;

namespace HealthGrid.Hubs;

/// <summary>The live dashboard's hub, at <see cref="Path"/>.</summary>
public sealed class DashboardHub : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    public override Task OnConnectedAsync() => Clients.Caller.Connected(Environment.MachineName);
}
