using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using HealthGrid.Domain.Wire;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// Checks an <see cref="EventRequest"/> against the event contract and turns it into an
/// <see cref="Interaction"/>: every problem is reported against its field, nothing is half-accepted.
/// <para>
/// Written by hand, unlike the other bodies' FluentValidation validators: this runs for every event
/// ingested, and FluentValidation cost about 3 µs and 5.6 KB of garbage per event, which took a quarter
/// off ingest throughput (docs/benchmarks.md, "Structure round"). This path allocates nothing for a
/// valid event; the rules are the same and keep the same messages.
/// </para>
/// </summary>
public sealed class EventValidator(CurrentOrganisation organisation, IOptionsMonitor<IngestOptions> options, IOptionsMonitor<PrivacyOptions> privacy, TimeProvider time)
{
    /// <summary>The kinds clients may post: the internal ones are written by HealthGrid itself.</summary>
    public static readonly IReadOnlyList<string> PublicKindNames =
        [.. Enum.GetValues<InteractionKind>().Where(k => !k.IsInternal()).Select(EnumNames<InteractionKind>.Name).Order(StringComparer.Ordinal)];

    private static readonly string PublicKinds = string.Join(", ", PublicKindNames);

    public Interaction? Validate(EventRequest r, FieldErrors errors) => Validate(r, errors, customerResolvedLater: false);

    /// <summary>
    /// An event from another system, whose customer is named by external identifiers and resolved through
    /// the identity map afterwards: everything is checked but the customer id, which it does not carry yet.
    /// </summary>
    public Interaction? ValidateExternal(EventRequest r, FieldErrors errors) => Validate(r, errors, customerResolvedLater: true);

    private Interaction? Validate(EventRequest r, FieldErrors errors, bool customerResolvedLater)
    {
        var limits = options.CurrentValue;
        var now = time.GetUtcNow();
        Unknown(errors, "", r);
        Id(errors, "eventId", r.EventId);
        var kind = Kind(errors, r.Kind);
        var channel = Checks.Known(errors, "channel", r.Channel, required: true);
        var occurredAt = OccurredAt(errors, r.OccurredAt, now, limits);
        if (kind == InteractionKind.SystemChange)
        {
            if (r.CustomerId is not null)
            {
                errors.Add("customerId", "must be omitted: system changes are organisation-wide");
            }
        }
        else if (!customerResolvedLater)
        {
            Id(errors, "customerId", r.CustomerId);
        }

        Checks.MaxLength(errors, "product", r.Product, 128);
        if (r.JourneyStage is not null && !organisation.Index.IsStage(r.JourneyStage))
        {
            errors.Add("journeyStage", $"'{r.JourneyStage}' is not a configured journey stage");
        }

        if (kind is not { } k)
        {
            return null;
        }

        EventDetails.RefuseOthers(errors, r, k);
        var detail = EventDetails.Check(errors, r, k, limits.MaxTextLength, organisation.Index);
        if (!errors.IsEmpty)
        {
            return null;
        }

        // Built once, with everything: this runs for every event ingested. Redacted before it goes anywhere.
        return InteractionRedaction.Redact(new Interaction
        {
            EventId = r.EventId!,
            CustomerId = r.CustomerId,
            OccurredAt = occurredAt!.Value,
            Channel = channel!.Value,
            Kind = k,
            ReceivedAt = now,
            Product = r.Product,
            JourneyStage = k == InteractionKind.SystemChange ? null : r.JourneyStage ?? organisation.Index.DefaultStage(k, r.Complaint?.Code),
            Ticket = detail.Ticket,
            Message = detail.Message,
            Survey = detail.Survey,
            Complaint = detail.Complaint,
            Social = detail.Social,
            Delivery = detail.Delivery,
            Payment = detail.Payment,
            Usage = detail.Usage,
            Change = detail.Change,
        }, privacy.CurrentValue.Redaction);
    }

    private static void Unknown(FieldErrors errors, string prefix, Infrastructure.Validation.IUnknownFields body)
    {
        if (body.Unknown is { } unknown)
        {
            foreach (var name in unknown.Keys)
            {
                errors.Add(prefix + name, "is not a known field");
            }
        }
    }

    private static void Id(FieldErrors errors, string field, string? id)
    {
        if (Identifiers.Problem(id) is { } problem)
        {
            errors.Add(field, problem);
        }
    }

    private static InteractionKind? Kind(FieldErrors errors, Named<InteractionKind> kind)
    {
        if (kind.IsAbsent)
        {
            errors.Add("kind", $"is required; one of: {PublicKinds}");
            return null;
        }

        if (kind.Value is { } known && !known.IsInternal())
        {
            return known;
        }

        errors.Add("kind", $"'{kind.Unknown ?? EnumNames<InteractionKind>.Name(kind.Value!.Value)}' is not one of: {PublicKinds}");
        return null;
    }

    private static DateTimeOffset? OccurredAt(FieldErrors errors, DateTimeOffset? at, DateTimeOffset now, IngestOptions limits)
    {
        if (at is not { } value)
        {
            errors.Add("occurredAt", "is required");
            return null;
        }

        if (value > now + limits.MaxClockSkew)
        {
            errors.Add("occurredAt", "is in the future");
        }
        else if (value < now - limits.MaxEventAge)
        {
            errors.Add("occurredAt", $"is older than {limits.MaxEventAge.TotalDays:0} days");
        }

        return value;
    }

    /// <summary>The checks the event's fields share: allocation-free when the value is fine.</summary>
    internal static class Checks
    {
        public static T? Known<T>(FieldErrors errors, string field, Named<T> value, bool required)
            where T : struct, Enum
        {
            if (value.Value is { } known)
            {
                return known;
            }

            if (value.Unknown is { } unknown)
            {
                errors.Add(field, $"'{unknown}' is not one of: {EnumNames<T>.Allowed}");
            }
            else if (required)
            {
                errors.Add(field, $"is required; one of: {EnumNames<T>.Allowed}");
            }

            return null;
        }

        public static void MaxLength(FieldErrors errors, string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(field, $"must be at most {max} characters");
            }
        }

        public static void OptionalId(FieldErrors errors, string field, string? id)
        {
            if (id is not null)
            {
                Id(errors, field, id);
            }
        }

        public static void RequiredId(FieldErrors errors, string field, string? id) => Id(errors, field, id);

        public static void Unknown(FieldErrors errors, string prefix, Infrastructure.Validation.IUnknownFields body) => EventValidator.Unknown(errors, prefix, body);
    }
}
