using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// A JSON-lines import body read whole before anything is written: an unreadable file changes nothing.
/// Invalid bytes are an error, not U+FFFD (the single-event route refuses them, so must a file of them).
/// </summary>
internal static class JsonLines
{
    /// <summary>The non-blank lines with their numbers (from 1), or why the body is refused: a line of invalid UTF-8, more than <paramref name="maxLines"/> lines, or none.</summary>
    public static async Task<(List<(int Number, string Text)> Lines, string? Refused)> ReadAsync(HttpRequest request, int maxLines)
    {
        var lines = new List<(int Number, string Text)>();
        var number = 0;
        await foreach (var line in Utf8Lines.ReadAsync(request.BodyReader, request.HttpContext.RequestAborted))
        {
            number++;
            if (line is null)
            {
                return (lines, $"line {number} is not valid UTF-8");
            }

            if (number > maxLines)
            {
                return (lines, $"must have at most {maxLines} lines");
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add((number, line));
            }
        }

        return number == 0 ? (lines, "must contain at least one line") : (lines, null);
    }
}
