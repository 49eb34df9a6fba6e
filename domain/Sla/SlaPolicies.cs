using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Sla;

/// <summary>The policies in force, in order: the first that matches a case applies.</summary>
public sealed class SlaPolicies
{
    private readonly List<SlaPolicy> policies;

    public SlaPolicies(SlaOptions options)
    {
        var calendars = options.Calendars.ToDictionary(c => c.Id, SlaCalendars.Build, StringComparer.Ordinal);
        Calendars = calendars;
        policies = [.. options.Policies.Select(p => new SlaPolicy(p, calendars.TryGetValue(p.Calendar, out var calendar)
            ? calendar
            : throw new ArgumentException($"Policy '{p.Id}' uses unknown calendar '{p.Calendar}'.")))];
    }

    public SlaPolicy Select(Tier tier, Severity severity, string? category, Channel channel) =>
        policies.FirstOrDefault(p => p.Matches(tier, severity, category, channel))
        ?? throw new InvalidOperationException("No SLA policy matches; the last policy must match every case.");

    public SlaPolicy? Find(string id) => policies.Find(p => p.Id == id);

    /// <summary>The business calendars by id: what SLA clocks count in, and what notification quiet hours follow.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }
}
