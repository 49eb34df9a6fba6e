using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Audit;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Audit;

/// <summary>
/// Records a sign-in to an admin surface: the first request a token (or session cookie) makes to one of
/// them on this silo. HealthGrid does not see an identity provider's sign-ins, only the tokens that come
/// of them, so the first use of a token is the sign-in it can audit. Remembered per silo and bounded:
/// at worst a session is recorded once per silo, or again after ten thousand others.
/// </summary>
public sealed class AdminSessionAudit(RequestDelegate next, IGrainFactory grains)
{
    private const int Remembered = 10_000;
    private static readonly string[] Surfaces = ["/api/v1/config", "/api/v1/audit", "/api/v1/import", "/api/v1/notifications/endpoints", "/api/v1/notifications/test", "/orleans"];
    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.IsInRole(HealthGridRoles.Admin)
            && Array.Find(Surfaces, s => context.Request.Path.StartsWithSegments(s)) is { } surface
            && SessionOf(context.Request) is { } session
            && seen.TryAdd(session, 0))
        {
            if (seen.Count > Remembered)
            {
                seen.Clear();
            }

            var subject = context.User.FindFirst(HealthGridClaims.Subject)?.Value ?? "";
            await AuditTrail.Log(grains).RecordAsync(AuditTrail.Record(context, subject, AuditActions.AdminSession, "surface" + surface, new { surface }));
        }

        await next(context);
    }

    /// <summary>A digest of the bearer token or session cookie, never the credential itself.</summary>
    private static string? SessionOf(HttpRequest request)
    {
        var credential = request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : request.Cookies[SessionCookie.Name];
        return string.IsNullOrEmpty(credential) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..32];
    }
}
