
namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Reads a customer's health as of a moment, decaying the state to it without changing it.</summary>
public static class HealthView
{
    public static CustomerHealth Build(HealthState state, DateTimeOffset now, HealthModelOptions options, ScoreChange[] recentChanges)
    {
        var elapsed = state.AsOf is { } asOf && now > asOf ? now - asOf : TimeSpan.Zero;
        var values = HealthModel.ComponentValues(state, options, elapsed);
        var score = HealthModel.ScoreOf(values, options);
        var churn = ChurnModel.Evaluate(HealthModel.Features(state, score, elapsed, now, options), options.Churn);
        var components = new ComponentScore[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var component = (HealthComponent)i;
            components[i] = new ComponentScore(component, Math.Round(values[i], 1), options.For(component).Weight);
        }

        return new CustomerHealth
        {
            Score = Math.Round(score, 1),
            Band = options.BandOf(score),
            Components = components,
            Churn = churn,
            Contacts = new ContactCounters(
                Contacts.CountSince(state, now - TimeSpan.FromDays(1)),
                Contacts.CountSince(state, now - TimeSpan.FromDays(7)),
                state.OpenTickets.Count,
                Math.Round(state.RepeatContacts * Decay.Factor(elapsed, options.For(HealthComponent.SupportLoad).HalfLifeDays), 2)),
            TrendDay = Points(state.Trend.Fine, now - TrendSeries.FineSpan),
            Trend90Days = Points(state.Trend.Coarse, now - TrendSeries.CoarseSpan),
            RecentChanges = recentChanges,
            AsOf = now,
        };
    }

    private static TrendPoint[] Points(List<TrendSample> samples, DateTimeOffset since)
    {
        var cutoff = since.ToUnixTimeSeconds();
        return [.. samples.Where(s => s.Bucket >= cutoff).Select(s => new TrendPoint(DateTimeOffset.FromUnixTimeSeconds(s.Bucket), Math.Round(s.Score, 1)))];
    }
}
