using HealthGrid.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// Connected, authenticated SMTP sessions kept between messages: connecting, EHLO, TLS and AUTH cost more
/// than sending a message, and a storm of e-mails to one server would pay them every time. A session
/// is used by one send at a time, kept only while idle for less than <see cref="IdleLimit"/> (servers
/// close idle sessions), at most <see cref="IdleKeptAtMost"/> of them, and only for the settings it was
/// opened with (a configuration change opens new ones).
/// </summary>
public sealed class SmtpConnections(TimeProvider time) : IAsyncDisposable
{
    private const int IdleKeptAtMost = 8;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly List<Idle> idle = [];

    /// <summary>A session for <paramref name="smtp"/>: an idle one when there is one (<see cref="Session.Reused"/>), else a new one.</summary>
    public async Task<Session> OpenAsync(SmtpSettings smtp, TimeSpan timeout, bool reuse, CancellationToken cancellationToken)
    {
        var key = Key(smtp, timeout);
        if (reuse && TakeIdle(key) is { } kept)
        {
            return new Session(key, kept, Reused: true);
        }

        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new Session(key, client, Reused: false);
    }

    /// <summary>A session whose send succeeded goes back to the idle ones; one that failed is closed (its state is unknown).</summary>
    public void Release(Session session, bool healthy)
    {
        if (healthy && session.Client.IsConnected)
        {
            lock (gate)
            {
                if (idle.Count < IdleKeptAtMost)
                {
                    idle.Add(new Idle(session.Key, session.Client, time.GetUtcNow()));
                    return;
                }
            }
        }

        session.Client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        List<Idle> closing;
        lock (gate)
        {
            closing = [.. idle];
            idle.Clear();
        }

        foreach (var session in closing)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await session.Client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Closing anyway: a server that does not answer QUIT at shutdown loses nothing.
            }

            session.Client.Dispose();
        }
    }

    /// <summary>The most recently used idle session for these settings that is still fresh; stale and foreign ones are closed on the way.</summary>
    private SmtpClient? TakeIdle(string key)
    {
        var now = time.GetUtcNow();
        List<Idle> stale = [];
        SmtpClient? found = null;
        lock (gate)
        {
            for (var i = idle.Count - 1; i >= 0 && found is null; i--)
            {
                var session = idle[i];
                if (now - session.Since >= IdleLimit || !session.Client.IsConnected || (session.Key != key && idle.Count >= IdleKeptAtMost))
                {
                    stale.Add(session);
                    idle.RemoveAt(i);
                }
                else if (session.Key == key)
                {
                    found = session.Client;
                    idle.RemoveAt(i);
                }
            }
        }

        stale.ForEach(s => s.Client.Dispose());
        return found;
    }

    private static string Key(SmtpSettings smtp, TimeSpan timeout) =>
        string.Join('\n', smtp.Host, smtp.Port, smtp.Security, smtp.Username, smtp.Password, timeout.Ticks);

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };

    public sealed record Session(string Key, SmtpClient Client, bool Reused);

    private sealed record Idle(string Key, SmtpClient Client, DateTimeOffset Since);
}
