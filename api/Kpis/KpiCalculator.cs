using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.Kpis;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Kpis;

/// <summary>
/// Computes the leadership KPIs from the journey stages (volume, sentiment, effort, surveys, SLA
/// outcomes), the directory (customers per band) and the escalation counter: a handful of grain
/// calls, whatever the number of customers.
/// </summary>
public sealed class KpiCalculator(IGrainFactory grains, CurrentOrganisation organisation, EscalationCounter escalations, TimeProvider time)
{
    public async Task<KpiSnapshot> ComputeAsync()
    {
        var now = time.GetUtcNow();
        var bands = grains.GetGrain<IDirectoryGrain>(0).CountBandsAsync();
        var stages = (await Task.WhenAll(organisation.Index.Stages.Select(s => grains.GetGrain<IJourneyStageGrain>(s.Id).GetViewAsync()))).OfType<JourneyStageView>().ToArray();
        var perHour = escalations.PerHour();
        var hours = stages.SelectMany(s => s.Hours).GroupBy(h => h.Hour).Select(h => new KpiHour(
                h.Key,
                h.Sum(x => x.Volume),
                Weighted(h, x => x.Csat),
                Weighted(h, x => x.Nps),
                Weighted(h, x => x.Effort),
                perHour.GetValueOrDefault(h.Key)))
            .Concat(perHour.Where(p => stages.All(s => s.Hours.All(h => h.Hour != p.Key))).Select(p => new KpiHour(p.Key, 0, null, null, null, p.Value)))
            .OrderBy(h => h.Hour)
            .ToArray();
        var met = stages.Sum(s => s.Sla.Met);
        var breached = stages.Sum(s => s.Sla.Breached);
        return new KpiSnapshot(
            now,
            await bands,
            met,
            breached,
            met + breached == 0 ? null : Math.Round(100.0 * met / (met + breached), 1),
            Weighted(stages, s => s.Csat, s => s.VolumeLast24Hours),
            Weighted(stages, s => s.Nps, s => s.VolumeLast24Hours),
            Weighted(stages, s => s.Effort, s => s.VolumeLast24Hours),
            perHour.GetValueOrDefault(EscalationCounter.Hour(now)),
            hours,
            [.. stages.Select(s => new StageHeat(s.Id, s.Name, s.VolumeLast24Hours, s.Sentiment, s.Effort, s.Sla.Rate is { } rate ? Math.Round(rate * 100, 1) : null, s.OpenEscalations))]);
    }

    private static double? Weighted(IEnumerable<StageHour> hours, Func<StageHour, double?> value) => Weighted(hours, value, h => h.Volume);

    /// <summary>The mean of the values present, each weighted by its volume (at least 1, so a measured value always counts).</summary>
    private static double? Weighted<T>(IEnumerable<T> items, Func<T, double?> value, Func<T, int> weight)
    {
        var present = items.Where(i => value(i) is not null).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var total = present.Sum(i => Math.Max(1, weight(i)));
        return Math.Round(present.Sum(i => value(i)!.Value * Math.Max(1, weight(i))) / total, 2);
    }
}
