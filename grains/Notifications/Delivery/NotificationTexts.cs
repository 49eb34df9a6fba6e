using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.Logging;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// Message texts from Liquid templates (Fluid): a subject, a plain-text and an HTML body for one
/// notification, and the same three for a digest. The organisation's own templates (the notifications
/// area's <c>templates</c>, most specific first) replace the shipped defaults, which are embedded in this
/// assembly (<c>Notifications/Templates</c>, some per alert type: <c>sla_breach.subject</c>); they name
/// the customer, tier, health, the SLA or theme, how late, the escalation level and the links.
/// Every template is parsed once.
/// </summary>
public sealed partial class NotificationTexts
{
    /// <summary>A digest lists this many notifications, the most severe first, and counts the rest.</summary>
    public const int DigestItemsListed = 50;

    /// <summary>Parsed organisation templates kept at most; a configuration that changed that often starts the cache again.</summary>
    private const int CachedAtMost = 1000;

    private static readonly FluidParser Parser = new();
    private readonly Dictionary<string, IFluidTemplate> shipped = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFluidTemplate> configured = new(StringComparer.Ordinal);
    /// <summary>Bounds what one template may do while rendering: an organisation's loop cannot hold a send slot for ever.</summary>
    private const int MaxSteps = 100_000;

    private readonly TemplateOptions options = new() { MaxSteps = MaxSteps };

    private readonly ILogger<NotificationTexts> logger;

    public NotificationTexts(ILogger<NotificationTexts> logger)
    {
        this.logger = logger;
        foreach (var name in typeof(NotificationTexts).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Templates/", StringComparison.Ordinal)))
        {
            var key = name["Templates/".Length..^".liquid".Length];
            shipped[key] = Parser.TryParse(Shipped(name), out var template, out var error) ? template : throw new InvalidOperationException($"The shipped template '{key}' does not parse: {error}");
        }
    }

    /// <summary>Why a template body does not parse, or null when it does: the configuration validator's check.</summary>
    public static string? ParseError(string body) => Parser.TryParse(body, out _, out var error) ? null : error;

    /// <summary>The message's texts for <paramref name="channel"/>; the HTML body only for e-mail, the other channels have their own structure.</summary>
    public RenderedMessage Render(IReadOnlyList<NotificationRecord> records, Func<NotificationRecord, ActionLinks> links, NotificationOptions settings, ChannelKind channel, string messageId)
    {
        var html = channel == ChannelKind.Email;
        var dashboard = settings.DashboardUrl;
        var items = records.Select(r => Item(r, links(r), settings.Templates, channel)).ToList();
        if (items.Count == 1)
        {
            var (item, model) = items[0];
            var type = records[0].Alert.Type;
            return new RenderedMessage(messageId, item.Subject, item.Text, html ? Run(Pick(TemplatePart.Html, type, channel, settings.Templates), model, HtmlEncoder.Default, ("subject", item.Subject)) : "", [item]);
        }

        var digest = new Dictionary<string, object?>
        {
            ["count"] = items.Count,
            ["critical"] = records.Count(r => r.Alert.Severity == AlertSeverity.Critical),
            ["recipient"] = records[0].Recipient,
            ["since"] = records.Min(r => r.DueAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["dashboard"] = dashboard,
            ["items"] = items.Take(DigestItemsListed).Select(i => i.Model).ToList(),
            ["more"] = Math.Max(0, items.Count - DigestItemsListed),
        };
        var subject = Run(Pick(TemplatePart.DigestSubject, null, channel, settings.Templates), digest, NullEncoder.Default).Trim();
        var text = Run(Pick(TemplatePart.DigestText, null, channel, settings.Templates), digest, NullEncoder.Default);
        var body = html ? Run(Pick(TemplatePart.DigestHtml, null, channel, settings.Templates), digest, HtmlEncoder.Default, ("subject", subject)) : "";
        return new RenderedMessage(messageId, subject, text, body, [.. items.Select(i => i.Item)]);
    }

    private (RenderedItem Item, Dictionary<string, object?> Model) Item(NotificationRecord record, ActionLinks links, IReadOnlyList<TemplateSettings> templates, ChannelKind channel)
    {
        var model = Model(record, links);
        var type = record.Alert.Type;
        var subject = Run(Pick(TemplatePart.Subject, type, channel, templates), model, NullEncoder.Default).Trim();
        return (new RenderedItem(record, subject, Run(Pick(TemplatePart.Text, type, channel, templates), model, NullEncoder.Default).Trim(), links), model);
    }

    /// <summary>The organisation's most specific template for the part, if any, and the shipped one (for the alert type, else the default).</summary>
    private ChosenTemplate Pick(TemplatePart part, AlertType? type, ChannelKind channel, IReadOnlyList<TemplateSettings> templates)
    {
        var name = EnumNames<TemplatePart>.Name(part).Replace('_', '-');
        var fallback = type is { } t && shipped.TryGetValue($"{EnumNames<AlertType>.Name(t)}.{name}", out var typed) ? typed : shipped[name];
        if (NotificationTemplates.Pick(templates, part, type, channel) is not { } body)
        {
            return new ChosenTemplate(fallback, null);
        }

        if (configured.Count >= CachedAtMost)
        {
            configured.Clear();
        }

        // Validated when the configuration was written: a body that reached here parses.
        return new ChosenTemplate(configured.GetOrAdd(body, b => Parser.Parse(b)), fallback);
    }

    private static Dictionary<string, object?> Model(NotificationRecord record, ActionLinks links)
    {
        var alert = record.Alert;
        var followUp = NotificationTransitions.IsFollowUp(record.Transition) ? record.Transition : null;
        return new Dictionary<string, object?>
        {
            ["title"] = Title(alert.Type),
            ["severity"] = EnumNames<AlertSeverity>.Name(alert.Severity),
            ["message"] = alert.Message,
            ["customer"] = alert.CustomerId,
            ["tier"] = alert.CustomerTier?.ToString(),
            ["health"] = alert.CustomerHealth is { } health ? health.ToString("0.#", CultureInfo.InvariantCulture) : null,
            ["case"] = alert.CaseId,
            ["sla"] = alert.Metric is { } metric ? EnumNames<Domain.Cases.SlaMetric>.Name(metric).Replace('_', ' ') : null,
            ["theme"] = alert.Type is AlertType.ThemeEscalation or AlertType.ChangeCorrelation ? alert.Code : null,
            ["late"] = alert.LateBy is { } late ? late.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : null,
            ["level"] = alert.EscalationLevel is { } level ? (level + 1).ToString(CultureInfo.InvariantCulture) : null,
            ["transition"] = followUp ?? "raised",
            ["prefix"] = followUp == NotificationTransitions.Resolved ? "Resolved: " : followUp == NotificationTransitions.Acknowledged ? "Acknowledged: " : "",
            ["by"] = followUp == NotificationTransitions.Resolved ? alert.ResolvedBy : alert.AcknowledgedBy,
            ["reason"] = followUp == NotificationTransitions.Resolved && alert.ResolvedReason == AlertResolutions.LateData
                ? "The breach was taken back: an event that arrived late showed the deadline was met."
                : null,
            ["at"] = (followUp == NotificationTransitions.Resolved ? alert.ResolvedAt : alert.AcknowledgedAt)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["recipient"] = record.Recipient,
            ["links"] = new Dictionary<string, object?>
            {
                ["dashboard"] = links.Dashboard,
                ["acknowledge"] = links.Acknowledge,
                ["resolve"] = links.Resolve,
                ["expires"] = links.Expires.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            },
        };
    }

    private static string Title(AlertType type) => type switch
    {
        AlertType.SlaWarning => "SLA warning",
        AlertType.SlaBreach => "SLA breach",
        AlertType.Frustration => "Frustrated customer in a live conversation",
        AlertType.ThemeEscalation => "Complaint theme spiking",
        AlertType.ChangeCorrelation => "Spike after a system change",
        AlertType.CustomerHealth => "Customer health dropped",
        AlertType.OwnershipGap => "Process without an owner",
        AlertType.ConcentrationRisk => "Revenue concentration at risk",
        AlertType.EndpointDisabled => "Notification endpoint disabled",
        _ => type.ToString(),
    };

    /// <summary>
    /// Renders the chosen template; an organisation's template that fails while rendering (it ran past
    /// <see cref="MaxSteps"/>, say) is logged and the shipped one writes the part: the message still goes out.
    /// </summary>
    private string Run(ChosenTemplate chosen, Dictionary<string, object?> model, TextEncoder encoder, params (string Name, object Value)[] extra)
    {
        if (chosen.Fallback is null)
        {
            return Render(chosen.Template, model, encoder, extra);
        }

        try
        {
            return Render(chosen.Template, model, encoder, extra);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            LogTemplateFailed(ex);
            return Render(chosen.Fallback, model, encoder, extra);
        }
    }

    private string Render(IFluidTemplate template, Dictionary<string, object?> model, TextEncoder encoder, (string Name, object Value)[] extra)
    {
        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        foreach (var (key, value) in extra)
        {
            context.SetValue(key, value);
        }

        return template.Render(context, encoder);
    }

    private static string Shipped(string resource)
    {
        using var stream = typeof(NotificationTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The template '{resource}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "An organisation's notification template failed while rendering; the shipped template was used")]
    private partial void LogTemplateFailed(Exception exception);

    private sealed record ChosenTemplate(IFluidTemplate Template, IFluidTemplate? Fallback);
}
