using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Notifications;

/// <summary>The small pages a notification link answers with: a title, the alert's text and what can be done, everything dynamic encoded.</summary>
internal static class NotificationPages
{
    public static IResult Page(int status, string title, string? alert, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{Encode(title)} · HealthGrid</title>
        <style>body{"{"}font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24{"}"}button{"{"}font-size:1rem;padding:.5rem 1rem{"}"}</style></head>
        <body><main><h1>{Encode(title)}</h1>{(alert is null ? "" : $"<p>{Encode(alert)}</p>")}{body}</main></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
