using HealthGrid.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HealthGrid.Api.Live;

/// <summary>
/// The live dashboard's hub, at <see cref="Path"/>. Signed-in users only; what a connection receives
/// follows from its token's claims (<see cref="AlertGroups"/>), and it has no method to ask for more.
/// </summary>
[Authorize]
public sealed class DashboardHub(LiveRecipients recipients) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    public override Task OnConnectedAsync()
    {
        recipients.Join(Context.ConnectionId, Caller.From(Context.User!).AlertAudiences);
        return Clients.Caller.Connected(Environment.MachineName);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        recipients.Leave(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
