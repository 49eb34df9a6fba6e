using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// The health model. <see cref="Apply(HealthState, string, Interaction, long, HealthModelOptions)"/> evolves a customer's <see cref="HealthState"/> by one event
/// and says what moved the score; everything else reads the state. Pure: time comes from the event
/// (so replaying the event log rebuilds exactly the same state) and nothing is read from outside.
/// The state is evolved in place because this runs for every event of every customer.
/// <para>
/// Score = Σ weightᵢ·valueᵢ / Σ weightᵢ over the components. An average-type component is
/// (prior·strength + Σ decayed weight·value) / (strength + Σ decayed weight): no evidence gives the
/// prior, fresh evidence dominates, and old evidence fades back to the prior. A load-type component
/// is 100·scale / (scale + decayed count).
/// </para>
/// </summary>
public static class HealthModel
{
    private const string DecayLabel = "time decay";

    /// <summary>
    /// Sets score, band and churn risk from the evidence as it stands, weighed by <paramref name="options"/>:
    /// the priors for a customer with no events, the same evidence re-weighted after a change of the
    /// model (weights, priors, scales and bands take effect at once; half-lives and observation settings
    /// shape evidence from the next event on). With unchanged options it changes nothing.
    /// </summary>
    public static void Rescore(HealthState state, HealthModelOptions options)
    {
        (state.Score, state.Band) = ScoreWith(state, options);
        (state.ChurnProbability, state.ChurnLevel) = ChurnModel.Score(Features(state, state.Score, TimeSpan.Zero, state.AsOf ?? DateTimeOffset.MinValue, options), options.Churn);
    }

    /// <summary>The score and band the evidence has under <paramref name="options"/>, changing nothing.</summary>
    public static (double Score, HealthBand Band) ScoreWith(HealthState state, HealthModelOptions options)
    {
        var score = ScoreOf(ComponentValues(state, options, TimeSpan.Zero), options);
        return (score, options.BandOf(score));
    }

    public static HealthUpdate Apply(HealthState state, string customerId, Interaction e, long seq, HealthModelOptions options) =>
        Apply(state, customerId, e, seq, options, AnalysisOf(e));

    /// <summary>The analyzer's reading of the event's customer text: kept from before redaction, else read now.</summary>
    public static TextSignal AnalysisOf(Interaction e) => e.Analysis ?? TextAnalyzer.Analyze(TextOf(e));

    /// <summary>Applies an event whose text (<see cref="TextOf"/>) the caller has already analyzed.</summary>
    public static HealthUpdate Apply(HealthState state, string customerId, Interaction e, long seq, HealthModelOptions options, TextSignal text)
    {
        var before = state.Score;
        var bandBefore = state.Band;
        var now = MomentOf(state, e);
        Advance(state, now, options);

        var decayed = ComponentValues(state, options, TimeSpan.Zero);
        var scoreAfterDecay = ScoreOf(decayed, options);
        var observations = Observations.From(e, text, options.Observations);
        Contacts.Record(state, e, text, options.Observations, observations);
        var age = now - e.OccurredAt;
        foreach (var observation in observations)
        {
            Add(state, observation, age, options);
        }

        RecordLagIndicators(state, e, age, options);
        var after = ComponentValues(state, options, TimeSpan.Zero);
        state.Score = ScoreOf(after, options);
        Settle(state, now, before, options);

        var drivers = Drivers(observations, decayed, after, scoreAfterDecay - before, options);
        if (drivers.Count == 0)
        {
            return new HealthUpdate(null, text);
        }

        return new HealthUpdate(Change(state, customerId, e, seq, before, bandBefore, drivers), text);
    }

    /// <summary>
    /// Takes back the breaches a late event showed were met (<paramref name="retractions"/>), after
    /// <paramref name="e"/> was applied: each breach's load is removed as of its own time, so it cancels
    /// exactly what decay had left of it, and the event's score change (<paramref name="update"/>) says so.
    /// </summary>
    public static HealthUpdate Retract(HealthState state, string customerId, Interaction e, long seq, HealthUpdate update, IReadOnlyList<SlaRetraction> retractions, HealthModelOptions options)
    {
        var before = state.Score;
        var bandBefore = state.Band;
        var now = MomentOf(state, e);
        Advance(state, now, options);
        var drivers = new List<ScoreDriver>(retractions.Count);
        foreach (var retraction in retractions)
        {
            var scoreBefore = state.Score;
            Add(state, new Observation(HealthComponent.SlaBreaches, -1, 1, ""), now - retraction.BreachedAt, options);
            state.Score = ScoreOf(ComponentValues(state, options, TimeSpan.Zero), options);
            drivers.Add(new ScoreDriver(HealthComponent.SlaBreaches,
                $"breach of case {retraction.CaseId} taken back: its {CaseAlerts.Name(retraction.Metric).ToLowerInvariant()} was met (late data)", Math.Round(state.Score - scoreBefore, 2)));
        }

        Settle(state, now, before, options);
        var change = update.Change is { } earlier
            ? earlier with { After = Math.Round(state.Score, 2), BandAfter = state.Band, Drivers = [.. earlier.Drivers, .. drivers] }
            : Change(state, customerId, e, seq, before, bandBefore, drivers);
        return update with { Change = change };
    }

    /// <summary>The state's moment once <paramref name="e"/> is applied: the event's time, never earlier than the state's.</summary>
    private static DateTimeOffset MomentOf(HealthState state, Interaction e) => state.AsOf is { } asOf && asOf > e.OccurredAt ? asOf : e.OccurredAt;

    /// <summary>What follows a new score: its band, the trend from <paramref name="before"/>, the churn risk.</summary>
    private static void Settle(HealthState state, DateTimeOffset now, double before, HealthModelOptions options)
    {
        state.Band = options.BandOf(state.Score);
        state.Trend.Record(now, before, state.Score);
        (state.ChurnProbability, state.ChurnLevel) = ChurnModel.Score(Features(state, state.Score, TimeSpan.Zero, now, options), options.Churn);
    }

    /// <summary>What <paramref name="e"/> did to the score, as the history records it.</summary>
    private static ScoreChange Change(HealthState state, string customerId, Interaction e, long seq, double before, HealthBand bandBefore, List<ScoreDriver> drivers) => new()
    {
        Seq = seq,
        CustomerId = customerId,
        EventId = e.EventId,
        Kind = e.Kind,
        OccurredAt = e.OccurredAt,
        Before = Math.Round(before, 2),
        After = Math.Round(state.Score, 2),
        BandBefore = bandBefore,
        BandAfter = state.Band,
        Drivers = [.. drivers],
    };

    /// <summary>Component values (0-100, by <see cref="HealthComponent"/>) after decaying the state by <paramref name="elapsed"/>.</summary>
    public static double[] ComponentValues(HealthState state, HealthModelOptions options, TimeSpan elapsed)
    {
        var values = new double[HealthState.ComponentCount];
        for (var i = 0; i < values.Length; i++)
        {
            var component = (HealthComponent)i;
            var settings = options.For(component);
            var factor = Decay.Factor(elapsed, settings.HalfLifeDays);
            values[i] = ComponentKinds.IsLoad(component)
                ? 100 * settings.Scale / (settings.Scale + (state.Sums[i] * factor))
                : ((settings.Prior * options.PriorStrength) + (state.Sums[i] * factor)) / (options.PriorStrength + (state.Weights[i] * factor));
        }

        return values;
    }

    public static double ScoreOf(double[] values, HealthModelOptions options)
    {
        double weighted = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var weight = options.For((HealthComponent)i).Weight;
            weighted += weight * values[i];
            total += weight;
        }

        return total > 0 ? weighted / total : 0;
    }

    /// <summary>The churn model's inputs, with the state decayed by <paramref name="elapsed"/> and the score it has then.</summary>
    public static ChurnFeatures Features(HealthState state, double score, TimeSpan elapsed, DateTimeOffset at, HealthModelOptions options)
    {
        var load = Decay.Factor(elapsed, options.For(HealthComponent.SupportLoad).HalfLifeDays);
        // Averages need no decay here: their sums and weights shrink alike.
        var daysLate = state.DaysLateWeight > 1e-9 ? state.DaysLateSum / state.DaysLateWeight : 0;
        var usageDrop = state.AdoptionShortWeight > 0.25 && state.AdoptionLongWeight > 0.25
            ? Math.Max(0, (state.AdoptionLongSum / state.AdoptionLongWeight) - (state.AdoptionShortSum / state.AdoptionShortWeight)) / 100
            : 0;
        var past = state.AsOf is null ? null : state.Trend.ScoreAtOrBefore(at - TimeSpan.FromDays(options.Churn.ScoreDropWindowDays));
        var scoreDrop = past is { } p ? Math.Max(0, p - score) / 100 : 0;
        return new ChurnFeatures(
            state.Sums[(int)HealthComponent.SupportLoad] * load,
            state.RepeatContacts * load,
            daysLate,
            usageDrop,
            scoreDrop,
            (100 - score) / 100);
    }

    public static string? TextOf(Interaction e) => e.Kind switch
    {
        InteractionKind.Message when e.Message is { Direction: MessageDirection.Customer } m => m.Text,
        InteractionKind.Survey => e.Survey?.Verbatim,
        InteractionKind.Complaint => e.Complaint?.Text,
        InteractionKind.SocialMention => e.Social?.Text,
        InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved => e.Ticket?.Text,
        _ => null,
    };

    private static void Advance(HealthState state, DateTimeOffset now, HealthModelOptions options)
    {
        if (state.AsOf is not { } asOf)
        {
            state.AsOf = now;
            return;
        }

        var elapsed = now - asOf;
        if (elapsed <= TimeSpan.Zero)
        {
            return;
        }

        for (var i = 0; i < HealthState.ComponentCount; i++)
        {
            var factor = Decay.Factor(elapsed, options.For((HealthComponent)i).HalfLifeDays);
            state.Sums[i] *= factor;
            state.Weights[i] *= factor;
        }

        var load = Decay.Factor(elapsed, options.For(HealthComponent.SupportLoad).HalfLifeDays);
        var payment = Decay.Factor(elapsed, options.For(HealthComponent.Payment).HalfLifeDays);
        var shortFactor = Decay.Factor(elapsed, options.Churn.UsageShortHalfLifeDays);
        var longFactor = Decay.Factor(elapsed, options.Churn.UsageLongHalfLifeDays);
        state.RepeatContacts *= load;
        state.DaysLateSum *= payment;
        state.DaysLateWeight *= payment;
        state.AdoptionShortSum *= shortFactor;
        state.AdoptionShortWeight *= shortFactor;
        state.AdoptionLongSum *= longFactor;
        state.AdoptionLongWeight *= longFactor;
        state.AsOf = now;
    }

    private static void Add(HealthState state, Observation observation, TimeSpan age, HealthModelOptions options)
    {
        var i = (int)observation.Component;
        var weight = observation.Weight * Decay.Factor(age, options.For(observation.Component).HalfLifeDays);
        if (ComponentKinds.IsLoad(observation.Component))
        {
            state.Sums[i] += observation.Value * weight;
        }
        else
        {
            state.Sums[i] += observation.Value * weight;
            state.Weights[i] += weight;
        }
    }

    /// <summary>Indicators the churn model reads that are not components: days late and short/long adoption.</summary>
    private static void RecordLagIndicators(HealthState state, Interaction e, TimeSpan age, HealthModelOptions options)
    {
        if (e.Payment is { } payment)
        {
            var weight = Decay.Factor(age, options.For(HealthComponent.Payment).HalfLifeDays);
            state.DaysLateSum += payment.DaysLate * weight;
            state.DaysLateWeight += weight;
        }

        if (e.Usage is { } usage)
        {
            var adoption = Observations.AdoptionValue(usage);
            var shortWeight = Decay.Factor(age, options.Churn.UsageShortHalfLifeDays);
            var longWeight = Decay.Factor(age, options.Churn.UsageLongHalfLifeDays);
            state.AdoptionShortSum += adoption * shortWeight;
            state.AdoptionShortWeight += shortWeight;
            state.AdoptionLongSum += adoption * longWeight;
            state.AdoptionLongWeight += longWeight;
        }
    }

    private static List<ScoreDriver> Drivers(List<Observation> observations, double[] before, double[] after, double decayDelta, HealthModelOptions options)
    {
        var drivers = new List<ScoreDriver>(observations.Count + 1);
        if (Math.Abs(decayDelta) >= 0.005)
        {
            drivers.Add(new ScoreDriver(null, DecayLabel, Math.Round(decayDelta, 2)));
        }

        double totalWeight = 0;
        for (var i = 0; i < HealthState.ComponentCount; i++)
        {
            totalWeight += options.For((HealthComponent)i).Weight;
        }

        // One driver per component, in the order components first appear (a loop, not GroupBy: this runs for every event).
        Span<bool> done = stackalloc bool[HealthState.ComponentCount];
        for (var k = 0; k < observations.Count; k++)
        {
            var component = observations[k].Component;
            var i = (int)component;
            if (done[i])
            {
                continue;
            }

            done[i] = true;
            var label = observations[k].Label;
            for (var m = k + 1; m < observations.Count; m++)
            {
                if (observations[m].Component == component)
                {
                    label = $"{label}; {observations[m].Label}";
                }
            }

            var share = totalWeight > 0 ? options.For(component).Weight / totalWeight : 0;
            drivers.Add(new ScoreDriver(component, label, Math.Round(share * (after[i] - before[i]), 2)));
        }

        return drivers;
    }
}
