using HealthGrid.Domain.Accounts;

namespace HealthGrid.Domain.Kpis;

/// <summary>The leadership KPIs at one moment: customers per band, SLA compliance, survey scores, escalations and every journey stage's heat.</summary>
public sealed record KpiSnapshot(
    DateTimeOffset At,
    BandCounts Customers,
    int SlaMet,
    int SlaBreached,
    double? SlaCompliance,
    double? Csat,
    double? Nps,
    double? Ces,
    int EscalationsLastHour,
    KpiHour[] Hours,
    StageHeat[] Stages);

/// <summary>One hour of the trend lines: survey scores weighted by each stage's volume, and alerts raised.</summary>
public sealed record KpiHour(DateTimeOffset Hour, int Volume, double? Csat, double? Nps, double? Ces, int Escalations);

/// <summary>A journey stage's cell in the heat map: volume, sentiment, effort, SLA compliance, open escalations.</summary>
public sealed record StageHeat(string Id, string Name, int Volume, double? Sentiment, double? Effort, double? SlaCompliance, int OpenEscalations);
