using HealthGrid.Domain.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// E-mail over SMTP with MailKit: a multipart/alternative message (plain text and HTML) to the contact
/// point's addresses, its Message-ID stable across attempts so that a retry is recognisably the same
/// message. A 5xx reply refuses for good; anything else (4xx, a dropped connection, a timeout) is retried.
/// Sessions are kept between messages (<see cref="SmtpConnections"/>); a kept session the server has
/// closed meanwhile is replaced by a new one within the same attempt.
/// </summary>
public sealed class EmailNotificationChannel(SmtpConnections connections, TimeProvider time)
{
    public async Task<DeliveryOutcome> SendAsync(RenderedMessage message, ContactPointSettings point, NotificationOptions options, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var mail = new MimeMessage
        {
            MessageId = $"{message.MessageId}@healthgrid",
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        // For mail rules and tooling: which alert (or how many, in a digest) a message is about.
        if (message.IsDigest)
        {
            mail.Headers.Add("X-HealthGrid-Digest", message.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            mail.Headers.Add("X-HealthGrid-Alert", message.Items[0].Record.AlertId);
        }

        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.AddRange(point.To.Select(MailboxAddress.Parse));
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AttemptTimeout);
        try
        {
            var reply = await SendOnASessionAsync(mail, smtp, options.AttemptTimeout, timeout.Token);
            return new DeliveryOutcome { Result = DeliveryResult.Sent, Reason = $"accepted: {reply}", StatusCode = 250, Latency = time.GetElapsedTime(started) };
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            return new DeliveryOutcome
            {
                Result = code >= 500 ? DeliveryResult.Permanent : DeliveryResult.Transient,
                Reason = $"the SMTP server answered {code}: {ex.Message}",
                StatusCode = code,
                Latency = time.GetElapsedTime(started),
            };
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or System.Net.Sockets.SocketException or AuthenticationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome { Result = DeliveryResult.Transient, Reason = $"SMTP: {(ex is OperationCanceledException ? "no answer within the attempt timeout" : ex.Message)}", Latency = time.GetElapsedTime(started) };
        }
    }

    /// <summary>On a kept session if there is one; if the server had closed it meanwhile, once more on a new session.</summary>
    private async Task<string> SendOnASessionAsync(MimeMessage mail, SmtpSettings smtp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = await connections.OpenAsync(smtp, timeout, reuse: true, cancellationToken);
        try
        {
            return await SendOnAsync(session, mail, cancellationToken);
        }
        catch (Exception ex) when (session.Reused && ClosedByTheServer(ex))
        {
            // Nothing was accepted on a session the server had closed: the message goes on a new one.
        }

        return await SendOnAsync(await connections.OpenAsync(smtp, timeout, reuse: false, cancellationToken), mail, cancellationToken);
    }

    private async Task<string> SendOnAsync(SmtpConnections.Session session, MimeMessage mail, CancellationToken cancellationToken)
    {
        var healthy = false;
        try
        {
            var reply = await session.Client.SendAsync(mail, cancellationToken);
            healthy = true;
            return reply;
        }
        finally
        {
            connections.Release(session, healthy);
        }
    }

    private static bool ClosedByTheServer(Exception ex) =>
        ex is IOException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };
}
