using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Ingest.CloudEvents;

/// <summary>
/// CloudEvents 1.0 onto the event contract: <c>type</c> <c>io.healthgrid.&lt;kind&gt;</c> → kind,
/// <c>subject</c> → customerId, <c>time</c> → occurredAt, <c>data</c> → the kind's fields (channel,
/// text, survey, …) and the eventId derived from <c>source</c> + <c>id</c>, the pair CloudEvents makes
/// unique, so a redelivered CloudEvent is a duplicate. The event is then validated like any other;
/// every error is named by the CloudEvents attribute at fault or as <c>data.&lt;field&gt;</c>.
/// </summary>
public sealed class CloudEventMapping(EventValidator validator, IOptions<JsonOptions> json)
{
    public const string TypePrefix = "io.healthgrid.";
    public const string StructuredContentType = "application/cloudevents+json";
    public const string BatchContentType = "application/cloudevents-batch+json";

    /// <summary>The HTTP binding's prefix of a binary-mode message's attribute headers.</summary>
    public const string HeaderPrefix = "ce-";

    /// <summary>Stands for an attribute given as another JSON type than a string.</summary>
    private const string NotAString = "\u0000not a string";

    private static readonly JsonEventFormatter Formatter = new();

    private static readonly string ExpectedType = $"{TypePrefix}<kind> with kind one of: {string.Join(", ", EventValidator.PublicKindNames)}";

    /// <summary>The envelope fields of our contract, which a CloudEvent's attributes carry and its data may not.</summary>
    private static readonly string[] Envelope = ["eventId", "customerId", "occurredAt", "kind"];

    /// <summary>Whether the request is a binary-mode CloudEvent: its attributes in <c>ce-</c> headers, its data the body.</summary>
    public static bool IsBinary(HttpRequest request) => request.Headers.ContainsKey(HeaderPrefix + "specversion");

    /// <summary>A structured-mode CloudEvent (alone or one of a batch), or null with its errors.</summary>
    public Interaction? FromStructured(JsonElement element, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a CloudEvent: a JSON object with specversion, id, source and type");
            return null;
        }

        if (element.TryGetProperty("data_base64", out _))
        {
            errors.Add("data_base64", "is not taken: the data of a HealthGrid event is JSON (data)");
        }

        CheckAttributes(name => element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : NotAString : null, errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.ConvertFromJsonElement(element, null);
        }
        catch (ArgumentException ex)
        {
            errors.Add("body", ex.Message);
            return null;
        }

        return Map(cloudEvent, DataOf(cloudEvent, errors), errors);
    }

    /// <summary>A binary-mode CloudEvent: attributes from the <c>ce-</c> headers, <paramref name="data"/> the body as bound.</summary>
    public Interaction? FromBinary(HttpRequest request, EventRequest? data, FieldErrors errors)
    {
        var headers = request.Headers;
        string? Attribute(string name) => name == "datacontenttype"
            ? request.ContentType
            : headers.TryGetValue(HeaderPrefix + name, out var value) ? Uri.UnescapeDataString(value.ToString()) : null;

        CheckAttributes(Attribute, errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0);
        foreach (var (name, value) in headers)
        {
            var attribute = name.ToLowerInvariant();
            if (!attribute.StartsWith(HeaderPrefix, StringComparison.Ordinal) || attribute == HeaderPrefix + "specversion")
            {
                continue;
            }

            try
            {
                cloudEvent.SetAttributeFromString(attribute[HeaderPrefix.Length..], Uri.UnescapeDataString(value.ToString()));
            }
            catch (ArgumentException ex)
            {
                errors.Add(attribute[HeaderPrefix.Length..], ex.Message);
            }
        }

        return errors.IsEmpty ? Map(cloudEvent, data ?? new EventRequest(), errors) : null;
    }

    /// <summary>The eventId of a CloudEvent: its source and id (unique together, by the specification) hashed into an id our contract takes.</summary>
    public static string EventIdOf(Uri source, string id)
    {
        Span<byte> hash = stackalloc byte[32];

        // A URI reference holds no line feed, so the two parts cannot run into each other.
        SHA256.HashData(Encoding.UTF8.GetBytes(source.OriginalString + "\n" + id), hash);
        return "ce." + Base64Url.EncodeToString(hash);
    }

    /// <summary>The required attributes present and of our version, the optional ones well formed: each problem at its attribute.</summary>
    private static void CheckAttributes(Func<string, string?> attribute, FieldErrors errors)
    {
        var specVersion = attribute("specversion");
        if (specVersion is null or NotAString)
        {
            errors.Add("specversion", "is required: 1.0");
        }
        else if (specVersion != "1.0")
        {
            errors.Add("specversion", $"'{specVersion}' is not taken: 1.0");
        }

        foreach (var name in (string[])["id", "source", "type"])
        {
            var value = attribute(name);
            if (value is NotAString)
            {
                errors.Add(name, "must be a string");
            }
            else if (string.IsNullOrEmpty(value))
            {
                errors.Add(name, "is required");
            }
        }

        if (attribute("source") is { Length: > 0 } source && source != NotAString && !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _))
        {
            errors.Add("source", "must be a URI reference");
        }

        if (attribute("time") is { } time && (time == NotAString || !DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)))
        {
            errors.Add("time", "must be an RFC 3339 timestamp");
        }

        if (attribute("subject") is NotAString)
        {
            errors.Add("subject", "must be a string");
        }

        if (attribute("datacontenttype") is { } contentType && (contentType == NotAString || !IsJson(contentType)))
        {
            errors.Add("datacontenttype", "must be JSON (application/json): the data of a HealthGrid event is the kind's fields");
        }
    }

    /// <summary>application/json, or a media type with the +json suffix.</summary>
    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The data as our contract's fields, or null with its errors as <c>data.&lt;field&gt;</c>.</summary>
    private EventRequest? DataOf(CloudEvent cloudEvent, FieldErrors errors)
    {
        if (cloudEvent.Data is not JsonElement data || data.ValueKind == JsonValueKind.Null)
        {
            return new EventRequest();
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add("data", "must be a JSON object: the kind's fields");
            return null;
        }

        try
        {
            return data.Deserialize<EventRequest>(json.Value.SerializerOptions) ?? new EventRequest();
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            errors.Add(field == "body" ? "data" : "data." + field, reason);
            return null;
        }
    }

    private Interaction? Map(CloudEvent cloudEvent, EventRequest? data, FieldErrors errors)
    {
        if (data is null)
        {
            return null;
        }

        foreach (var field in Envelope)
        {
            if (EnvelopeGiven(data, field))
            {
                errors.Add("data." + field, $"is given by the CloudEvent's attributes ({AttributeOf(field)})");
            }
        }

        var type = cloudEvent.Type!;
        Named<InteractionKind> kind = type.StartsWith(TypePrefix, StringComparison.Ordinal) && EnumNames<InteractionKind>.TryParse(type[TypePrefix.Length..], out var known)
            ? known
            : new Named<InteractionKind>(null, type);
        var request = data with
        {
            EventId = EventIdOf(cloudEvent.Source!, cloudEvent.Id!),
            CustomerId = cloudEvent.Subject,
            OccurredAt = cloudEvent.Time,
            Kind = kind,
        };
        var found = new FieldErrors();
        var interaction = validator.Validate(request, found);
        errors.Add(found, field => field == "kind" ? "type" : AttributeOf(field) ?? (field == "body" ? "data" : "data." + field));
        if (kind.Value is null)
        {
            errors.Replace("type", $"'{type}' is not a HealthGrid event type: {ExpectedType}");
        }

        return errors.IsEmpty ? interaction : null;
    }

    private static bool EnvelopeGiven(EventRequest data, string field) => field switch
    {
        "eventId" => data.EventId is not null,
        "customerId" => data.CustomerId is not null,
        "occurredAt" => data.OccurredAt is not null,
        _ => !data.Kind.IsAbsent,
    };

    /// <summary>The attribute that carries one of our envelope fields.</summary>
    private static string? AttributeOf(string field) => field switch
    {
        "eventId" => "id",
        "customerId" => "subject",
        "occurredAt" => "time",
        "kind" => "type",
        _ => null,
    };
}
