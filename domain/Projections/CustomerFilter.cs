using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Projections;

/// <summary>The directory's filter and order, shared by every store so they answer alike.</summary>
public static class CustomerFilter
{
    public static bool Matches(CustomerQuery q, CustomerSummary c) =>
        (q.AccountId is null || c.AccountId == q.AccountId)
        && (q.VisibleAccounts is null || q.VisibleAccounts.Contains(c.AccountId))
        && (q.Band is null || c.Band == q.Band)
        && (q.Tier is null || c.Tier == q.Tier)
        && (q.Region is null || string.Equals(c.Region, q.Region, StringComparison.OrdinalIgnoreCase))
        && (q.Segment is null || string.Equals(c.Segment, q.Segment, StringComparison.OrdinalIgnoreCase))
        && (q.Criticality is null || c.Criticality == q.Criticality)
        && (q.ChurnLevel is null || c.ChurnLevel == q.ChurnLevel);

    /// <summary>Least healthy first, then by id so pages are stable.</summary>
    public static int Compare(CustomerSummary a, CustomerSummary b)
    {
        var byHealth = a.Health.CompareTo(b.Health);
        return byHealth != 0 ? byHealth : string.CompareOrdinal(a.Id, b.Id);
    }

    public static bool Matches(CaseQuery q, CaseView c) =>
        (q.CustomerId is null || c.CustomerId == q.CustomerId)
        && (q.Scope is null || q.Scope.Includes(c))
        && (q.Team is null || c.Team == q.Team)
        && (q.ProcessOwner is null || c.ProcessOwner == q.ProcessOwner)
        && (q.JourneyStage is null || c.JourneyStage == q.JourneyStage)
        && (q.SlaState is null || c.SlaState == q.SlaState)
        && (q.Open is null || c.IsOpen == q.Open);

    /// <summary>Soonest deadline first (none last), then most recently updated.</summary>
    public static int Compare(CaseView a, CaseView b)
    {
        var byDue = (a.NextDueAt ?? DateTimeOffset.MaxValue).CompareTo(b.NextDueAt ?? DateTimeOffset.MaxValue);
        if (byDue != 0)
        {
            return byDue;
        }

        var byUpdate = b.UpdatedAt.CompareTo(a.UpdatedAt);
        return byUpdate != 0 ? byUpdate : string.CompareOrdinal(a.Id, b.Id);
    }

    public static bool Matches(AlertQuery q, Alert a) =>
        (q.Audience is null || a.Audiences.Contains(q.Audience))
        && (q.VisibleAudiences is null
            || a.Audiences.Any(audience => q.VisibleAudiences.Contains(audience.Group))
            || (a.AccountId is { } account && q.VisibleAccounts is { } accounts && accounts.Contains(account)))
        && (q.State is null || a.State == q.State)
        && (q.Type is null || a.Type == q.Type)
        && (q.CustomerId is null || a.CustomerId == q.CustomerId)
        && (q.CaseId is null || a.CaseId == q.CaseId);
}
