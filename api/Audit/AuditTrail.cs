using System.Text.Json;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Audit;
using HealthGrid.GrainInterfaces.Audit;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Audit;

/// <summary>How an endpoint records what a person did: after it succeeded, under the caller's subject and address.</summary>
public static class AuditTrail
{
    /// <summary>The API's own JSON (camelCase, enum names), so a diff reads like the bodies that were sent.</summary>
    private static readonly JsonSerializerOptions Json = CreateJson();

    public static IAuditGrain Log(IGrainFactory grains) => grains.GetGrain<IAuditGrain>(0);

    public static AuditRecord Record(HttpContext context, string actor, string action, string target, object? details = null) => new()
    {
        Actor = actor,
        Action = action,
        Object = target,
        Ip = context.Connection.RemoteIpAddress?.ToString(),
        Details = details is null ? null : JsonSerializer.Serialize(details, Json),
    };

    public static Task RecordAsync(IGrainFactory grains, HttpContext context, Caller caller, string action, string target, object? details = null) =>
        Log(grains).RecordAsync(Record(context, caller.Subject, action, target, details));

    /// <summary>A document replaced: its RFC 6902 diff from <paramref name="before"/> (null when created).</summary>
    public static Task RecordChangeAsync<T>(IGrainFactory grains, HttpContext context, Caller caller, string action, string target, T? before, T after)
        where T : class =>
        Log(grains).RecordChangeAsync(Record(context, caller.Subject, action, target), before is null ? null : JsonSerializer.Serialize(before, Json), JsonSerializer.Serialize(after, Json));

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Infrastructure.ApiJson.Configure(options);
        return options;
    }
}
