using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthGrid.Domain.Audit;

/// <summary>
/// What an erasure does to the audit entries about the erased customer: the customer's id leaves the
/// object (<c>customer/c-1</c> becomes <c>customer/[erased]</c>), and the details — a profile's diff with
/// its contacts, a case note, the customer an alert was about — are removed, except that an import's
/// list of the profiles it wrote keeps the others' ids. The entry keeps its actor, action and time
/// (who did what, when), and the digests of what it held, so the chain still holds.
/// </summary>
public static class AuditErasure
{
    public const string Erased = "[erased]";

    /// <summary>Whether an entry may concern <paramref name="customerId"/>: a cheap pre-filter, also run by the PostgreSQL store as text search.</summary>
    public static bool MayConcern(AuditEntry entry, string customerId) =>
        entry.Object == $"customer/{customerId}" || (entry.Details?.Contains(JsonSerializer.Serialize(customerId), StringComparison.Ordinal) ?? false);

    /// <summary>The entry with the customer erased from it, or null when it does not concern the customer.</summary>
    public static AuditEntry? Redact(AuditEntry entry, string customerId)
    {
        var details = entry.Details is null ? null : JsonNode.Parse(entry.Details);
        var inDetails = details is not null && Mentions(details, customerId);

        // A case or an alert of the customer is named by an id that may hold the customer's (alert ids do);
        // an identifier mapped to the customer (an e-mail domain, a CRM account) is data about it too.
        var inObject = entry.Object == $"customer/{customerId}" || (inDetails && NamesByAnIdOfItsOwn(entry.Object));
        if (!inObject && !inDetails)
        {
            return null;
        }

        // An entry about the customer itself (its profile's diff, its export) holds nothing that is not its.
        var ofTheCustomer = entry.Object == $"customer/{customerId}";
        return entry with
        {
            Object = inObject ? $"{entry.Object.Split('/')[0]}/{Erased}" : entry.Object,
            Details = ofTheCustomer || details is null ? null : inDetails ? RedactDetails(details, customerId) : entry.Details,
            Erased = entry.Erased ?? new ErasedFields(AuditChain.Digest(entry.Object), AuditChain.Digest(entry.Details)),
        };
    }

    private static bool NamesByAnIdOfItsOwn(string target) =>
        target.StartsWith("case/", StringComparison.Ordinal) || target.StartsWith("alert/", StringComparison.Ordinal) || target.StartsWith("identity/", StringComparison.Ordinal);

    /// <summary>An import lists the ids it wrote: the erased one is replaced. Any other details concern the customer as a whole and go.</summary>
    private static string? RedactDetails(JsonNode details, string customerId)
    {
        if (details is JsonObject document && document["customers"] is JsonArray ids && !Mentions(Without(document, "customers"), customerId))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i]?.GetValueKind() == JsonValueKind.String && (string)ids[i]! == customerId)
                {
                    ids[i] = Erased;
                }
            }

            return document.ToJsonString();
        }

        return null;
    }

    private static JsonObject Without(JsonObject document, string property)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove(property);
        return copy;
    }

    private static bool Mentions(JsonNode node, string customerId) => node switch
    {
        JsonObject o => o.Any(p => p.Value is not null && Mentions(p.Value, customerId)),
        JsonArray a => a.Any(v => v is not null && Mentions(v, customerId)),
        JsonValue v => v.GetValueKind() == JsonValueKind.String && (string)v! == customerId,
        _ => false,
    };
}
