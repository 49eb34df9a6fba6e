using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// A request body read whole into a buffer rented from the shared pool (a batch of events is read
/// twice on its error path, and a fresh array per request was the ingest path's largest allocation).
/// Dispose returns the buffer. The endpoint's body size limit still applies while reading.
/// </summary>
public sealed class RequestBody : IDisposable
{
    private byte[] buffer;
    private int length;

    private RequestBody(int capacity) => buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 4096));

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        var body = new RequestBody((int)Math.Min(request.ContentLength ?? 0, int.MaxValue));
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.buffer.AsMemory(body.length), request.HttpContext.RequestAborted)) > 0)
            {
                body.length += read;
                if (body.length == body.buffer.Length)
                {
                    body.Grow();
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
