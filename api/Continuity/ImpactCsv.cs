using System.Globalization;
using CsvHelper;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Continuity;

/// <summary>A run's customers as CSV (RFC 4180, by CsvHelper), in contact order, one row per customer.</summary>
public static class ImpactCsv
{
    private static readonly string[] Header =
    [
        "rank", "customer_id", "name", "account_id", "account_manager", "tier", "criticality", "region", "revenue",
        "breach_after_hours", "health_before", "band_before", "health_during", "band_during", "health_after", "band_after",
        "sla_breaches", "revenue_at_risk", "dependencies", "process_owners", "first_contact", "first_contact_email", "first_contact_phone",
    ];

    public static void WriteHeader(CsvWriter csv)
    {
        foreach (var field in Header)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    public static void Write(CsvWriter csv, ImpactRow row)
    {
        var i = row.Impact;
        var contact = i.Contacts.FirstOrDefault();
        csv.WriteField(row.Rank);
        csv.WriteField(i.CustomerId);
        csv.WriteField(i.Name);
        csv.WriteField(i.AccountId);
        csv.WriteField(row.AccountManager);
        csv.WriteField(EnumNames<Tier>.Name(i.Tier));
        csv.WriteField(EnumNames<Criticality>.Name(i.Criticality));
        csv.WriteField(i.Region);
        csv.WriteField(i.Revenue.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(i.BreachAfterHours?.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(i.HealthBefore.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(EnumNames<HealthBand>.Name(i.BandBefore));
        csv.WriteField(i.HealthDuring.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(EnumNames<HealthBand>.Name(i.BandDuring));
        csv.WriteField(i.HealthAfter.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(EnumNames<HealthBand>.Name(i.BandAfter));
        csv.WriteField(i.SlaBreachCount);
        csv.WriteField(i.RevenueAtRisk.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(string.Join("; ", i.Dependencies.Select(d =>
            $"{EnumNames<DependencyType>.Name(d.Type)}:{d.Id} {d.SeverityPercent:0.#}% down {d.UnacceptableHours:0.#} h of {d.RecoveryHours:0.#} h tolerated")));
        csv.WriteField(string.Join("; ", i.ProcessOwners));
        csv.WriteField(contact is null ? null : $"{contact.Name} ({contact.Role})");
        csv.WriteField(contact?.Email);
        csv.WriteField(contact?.Phone);
        csv.NextRecord();
    }
}
