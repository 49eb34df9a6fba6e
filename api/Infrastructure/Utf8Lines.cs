using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// A request body as lines of strict UTF-8, read as it streams in: each line decoded on its own, so a
/// line of invalid bytes is reported as that line (null) instead of being read as U+FFFD.
/// </summary>
internal static class Utf8Lines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Each line without its line break (a leading byte-order mark dropped); null for a line that is not valid UTF-8.</summary>
    public static async IAsyncEnumerable<string?> ReadAsync(PipeReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                yield return Decode(buffer.Slice(0, end), ref first);
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    yield return Decode(buffer, ref first);
                }

                reader.AdvanceTo(buffer.End);
                yield break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string? Decode(ReadOnlySequence<byte> line, ref bool first)
    {
        string text;
        try
        {
            text = Strict.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            first = false;
            return null;
        }

        if (first && text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        first = false;
        return text.EndsWith('\r') ? text[..^1] : text;
    }
}
