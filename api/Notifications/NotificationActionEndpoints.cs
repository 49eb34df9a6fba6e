using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HealthGrid.Api.Alerts;
using HealthGrid.Api.Audit;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Notifications;

/// <summary>
/// The acknowledge and resolve links of notifications. The link is the credential (a recipient reading
/// an e-mail is not signed in), so these routes are anonymous and the token decides: encrypted and
/// authenticated by the cluster's key ring, expiring, naming one alert, one action and one recipient.
/// Opening a link shows what it will do and a button (mail scanners that fetch links change nothing);
/// the button acts through the alert's owner as the recipient, exactly like the dashboard's action.
/// An alert already past the action (acknowledged, resolved) refuses, which makes every link single-use.
/// </summary>
public static class NotificationActionEndpoints
{
    public static void MapNotificationActions(this RouteGroupBuilder group)
    {
        group.MapGet("/act", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/act", ActAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string? token, IDataProtectionProvider protection, TimeProvider time, IGrainFactory grains)
    {
        var (link, alert, refusal) = await OpenAsync(token, protection, time, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var verb = Verb(link!.Action);
        return NotificationPages.Page(StatusCodes.Status200OK, $"{verb} this alert?", alert!.Message,
            $"""
            <form method="post"><input type="hidden" name="token" value="{NotificationPages.Encode(token!)}">
            <button type="submit">{verb} as {NotificationPages.Encode(Actor(link.Recipient))}</button></form>
            """);
    }

    private static async Task<IResult> ActAsync([FromForm] string? token, IDataProtectionProvider protection, TimeProvider time, IGrainFactory grains, HttpContext context)
    {
        var (link, alert, refusal) = await OpenAsync(token, protection, time, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await AlertOwners.Of(grains, alert!).ActOnAlertAsync(alert!.Id, link!.Action, Actor(link.Recipient));
        if (result.Status == IngestStatus.Accepted)
        {
            await AuditTrail.Log(grains).RecordAsync(AuditTrail.Record(context, Actor(link.Recipient),
                link.Action == AlertState.Acknowledged ? AuditActions.AlertAcknowledge : AuditActions.AlertResolve, $"alert/{alert.Id}",
                new { type = alert.Type, customerId = alert.CustomerId, via = "notification link" }));
        }
        return result.Status switch
        {
            IngestStatus.Accepted => NotificationPages.Page(StatusCodes.Status200OK, $"{Past(link.Action)} as {Actor(link.Recipient)}", alert.Message, "<p>Every pending notification of this alert has been stopped.</p>"),
            IngestStatus.Unavailable => NotificationPages.Page(StatusCodes.Status503ServiceUnavailable, "Not done: HealthGrid cannot store it right now", alert.Message, "<p>Try the link again in a minute.</p>"),
            _ => NotificationPages.Page(StatusCodes.Status409Conflict, "Nothing to do", alert.Message, $"<p>{NotificationPages.Encode(result.Error ?? "The alert has moved on.")}</p>"),
        };
    }

    /// <summary>The link's claim and its alert, or the page that refuses it; nothing is changed either way.</summary>
    private static async Task<(NotificationLink? Link, Alert? Alert, IResult? Refusal)> OpenAsync(string? token, IDataProtectionProvider protection, TimeProvider time, IGrainFactory grains)
    {
        if (Read(token, protection) is not { } link)
        {
            return (null, null, NotificationPages.Page(StatusCodes.Status400BadRequest, "This link is not valid", null, "<p>It was changed, cut short, or comes from another HealthGrid. Use the link in the message as it arrived, or act in the dashboard.</p>"));
        }

        if (link.IsExpired(time.GetUtcNow()))
        {
            return (link, null, NotificationPages.Page(StatusCodes.Status410Gone, "This link has expired", null, "<p>Act on the alert in the dashboard instead.</p>"));
        }

        if (await grains.GetGrain<IDirectoryGrain>(0).GetAlertAsync(link.AlertId) is not { } alert)
        {
            return (link, null, NotificationPages.Page(StatusCodes.Status404NotFound, "This alert no longer exists", null, ""));
        }

        var already = (alert.State, link.Action) switch
        {
            (AlertState.Resolved, _) => $"It was resolved by {alert.ResolvedBy} at {alert.ResolvedAt:yyyy-MM-dd HH:mm:ss} UTC.",
            (AlertState.Acknowledged, AlertState.Acknowledged) => $"It was acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:yyyy-MM-dd HH:mm:ss} UTC.",
            _ => null,
        };
        return already is null
            ? (link, alert, null)
            : (link, alert, NotificationPages.Page(StatusCodes.Status409Conflict, "Nothing to do", alert.Message, $"<p>{NotificationPages.Encode(already)}</p>"));
    }

    private static NotificationLink? Read(string? token, IDataProtectionProvider protection)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var payload = protection.CreateProtector(NotificationLink.Purpose).Unprotect(Base64Url.DecodeFromChars(token));
            return NotificationLink.Decode(Encoding.UTF8.GetString(payload));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A person acts under their own id; a team's channel or a list acts under its audience ("team:team-emea").</summary>
    private static string Actor(string recipient) => recipient.StartsWith("user:", StringComparison.Ordinal) ? recipient["user:".Length..] : recipient;

    private static string Verb(AlertState action) => action == AlertState.Resolved ? "Resolve" : "Acknowledge";

    private static string Past(AlertState action) => action == AlertState.Resolved ? "Resolved" : "Acknowledged";
}
