using System.Collections.Concurrent;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// Projects a scenario onto one customer: the customer's model runs forward through the disruption on
/// a copy of its state (the caller copies; nothing here touches the live one), fed with the events the
/// disruption implies (<see cref="SyntheticEvents"/>) and firing SLA timers as their deadlines pass,
/// exactly as the grain would. Only the cases of disrupted processes and stages take part: other work
/// is assumed to carry on as usual.
/// </summary>
public static class DisruptionSimulator
{
    /// <summary>Stops a runaway projection (a chain repeating for a week of disruption): far more timers than any real case fires.</summary>
    private const int MaxTimerRounds = 2_000;

    /// <summary>
    /// The synthetic events say the same few things (one sentence per node and kind) to every customer of
    /// a run: analyzing each once, not once per customer, was half of a 100,000-customer run.
    /// </summary>
    private static readonly ConcurrentDictionary<string, TextSignal> Analyzed = new(StringComparer.Ordinal);
    private const int MaxAnalyzed = 10_000;

    /// <summary>The impact on the customer whose copied state <paramref name="copy"/> holds; null when the scenario does not reach it.</summary>
    public static CustomerImpact? Project(CustomerModel copy, CustomerRules rules, ScenarioPlan plan)
    {
        if (copy.Profile is not { } profile)
        {
            return null;
        }

        var hits = DisruptionWindows.Of(profile, plan);
        if (hits.Count == 0)
        {
            return null;
        }

        KeepDisruptedCases(copy.State, hits, plan.IncludeOpenCases);
        var run = new Projection(copy, rules, plan);
        var before = run.ScoreAt(plan.Start);
        foreach (var e in SyntheticEvents.For(copy.CustomerId, profile, hits, rules.Organisation, plan))
        {
            run.FireTimersUntil(e.OccurredAt);
            run.Apply(e);
        }

        run.FireTimersUntil(plan.End);
        var after = run.ScoreAt(plan.End);
        var during = Math.Min(Math.Min(before, after), run.Lowest);
        var breachAfter = hits.Min(h => h.Impact.BreachAfterHours);
        var (bandBefore, bandDuring) = (rules.Model.BandOf(before), rules.Model.BandOf(during));
        return new CustomerImpact
        {
            CustomerId = copy.CustomerId,
            AccountId = profile.AccountId,
            Name = profile.Name,
            Tier = profile.Tier,
            Criticality = profile.Criticality,
            Region = profile.Region,
            Revenue = profile.Revenue,
            Dependencies = [.. hits.Select(h => h.Impact)],
            BreachAfterHours = breachAfter,
            HealthBefore = Math.Round(before, 1),
            BandBefore = bandBefore,
            HealthDuring = Math.Round(during, 1),
            BandDuring = bandDuring,
            HealthAfter = Math.Round(after, 1),
            BandAfter = rules.Model.BandOf(after),
            SlaBreaches = [.. run.Breaches],
            SlaBreachCount = run.Breaches.Count,
            Escalations = [.. run.Escalations],
            // What the disruption puts at risk, not what was at risk already: a customer already at risk counts only if it breaks or falls further.
            RevenueAtRisk = breachAfter is not null || bandDuring > bandBefore ? profile.Revenue : 0,
            Contacts = [.. profile.Contacts.OrderBy(c => c.EscalationOrder)],
            ProcessOwners = [.. OwnersOf(hits, rules)],
        };
    }

    /// <summary>Drops the cases the disruption has nothing to do with (and every open case for a scenario that starts later).</summary>
    private static void KeepDisruptedCases(CustomerState state, List<DependencyHit> hits, bool includeOpenCases)
    {
        var processes = hits.Where(h => h.Dependency.Type == DependencyType.Process && h.Unacceptable.Count > 0).Select(h => h.Dependency.Id).ToHashSet(StringComparer.Ordinal);
        var stages = hits.Where(h => h.Dependency.Type == DependencyType.JourneyStage && h.Unacceptable.Count > 0).Select(h => h.Dependency.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var @case in state.Cases.Values.ToList())
        {
            var disrupted = includeOpenCases && @case.IsOpen
                && ((@case.Process is { } process && processes.Contains(process)) || (@case.JourneyStage is { } stage && stages.Contains(stage)));
            if (!disrupted)
            {
                state.Cases.Remove(@case.Id);
            }
        }
    }

    private static IEnumerable<string> OwnersOf(List<DependencyHit> hits, CustomerRules rules)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits.Where(h => h.Impact.BeyondTolerance))
        {
            var owner = hit.Dependency.Type switch
            {
                DependencyType.Process => rules.Organisation.ProcessOwnerOf(hit.Dependency.Id),
                DependencyType.JourneyStage => rules.Organisation.Stage(hit.Dependency.Id)?.Owner,
                _ => null,
            };
            if (!string.IsNullOrEmpty(owner))
            {
                owners.Add(owner);
            }
        }

        return owners;
    }

    /// <summary>The copy running forward: applies events in order, fires timers at their due times, notes the lowest score, breaches and escalations.</summary>
    private sealed class Projection(CustomerModel copy, CustomerRules rules, ScenarioPlan plan)
    {
        private readonly Dictionary<string, HashSet<string>> audiencesByAlert = new(StringComparer.Ordinal);
        private long seq = copy.State.AppliedSeq;

        public double Lowest { get; private set; } = double.MaxValue;

        public List<CaseBreach> Breaches { get; } = [];

        public List<EscalationHit> Escalations { get; } = [];

        public double ScoreAt(DateTimeOffset at)
        {
            var health = copy.State.Health;
            var elapsed = health.AsOf is { } asOf && at > asOf ? at - asOf : TimeSpan.Zero;
            return HealthModel.ScoreOf(HealthModel.ComponentValues(health, rules.Model, elapsed), rules.Model);
        }

        public void Apply(Interaction e)
        {
            var (_, effects) = copy.Apply(e, ++seq, rules, Analyze);
            Lowest = Math.Min(Lowest, copy.State.Health.Score);
            foreach (var alert in effects.Alerts.Where(a => a.Type == AlertType.SlaBreach))
            {
                NoteEscalations(alert, e.OccurredAt);
            }
        }

        public void FireTimersUntil(DateTimeOffset until)
        {
            for (var round = 0; round < MaxTimerRounds && CaseTimers.Next(copy.State.Cases.Values, rules.Policies) is { } next && next <= until; round++)
            {
                foreach (var timer in CaseTimers.Due(copy.State.Cases.Values, rules.Policies, next))
                {
                    if (timer.Kind == SlaTimerKind.Breach && copy.State.Cases.TryGetValue(timer.CaseId, out var @case))
                    {
                        Breaches.Add(new CaseBreach(timer.CaseId, timer.Metric, timer.DueAt, Math.Round((timer.DueAt - plan.Start).TotalHours, 2),
                            @case.Process, @case.ProcessOwner, @case.Team, timer.CaseId.StartsWith(SyntheticEvents.CasePrefix, StringComparison.Ordinal)));
                    }

                    Apply(CaseTimers.Event(copy.CustomerId, copy.State.Cases, timer with { FiredAt = timer.DueAt }));
                }
            }
        }

        /// <summary>Each audience an SLA breach alert reaches, once, in the hour it is reached.</summary>
        private void NoteEscalations(Alert alert, DateTimeOffset at)
        {
            if (!audiencesByAlert.TryGetValue(alert.Id, out var seen))
            {
                seen = new HashSet<string>(StringComparer.Ordinal);
                audiencesByAlert[alert.Id] = seen;
            }

            var hour = Math.Max(0, (int)Math.Floor((at - plan.Start).TotalHours));
            foreach (var audience in alert.Audiences)
            {
                if (seen.Add(audience.Group))
                {
                    Escalations.Add(new EscalationHit(audience.Group, hour));
                }
            }
        }

        private static TextSignal Analyze(Interaction e)
        {
            if (e.Analysis is { } kept)
            {
                return kept;
            }

            if (HealthModel.TextOf(e) is not { } text)
            {
                return TextSignal.Empty;
            }

            if (Analyzed.TryGetValue(text, out var known))
            {
                return known;
            }

            var signal = TextAnalyzer.Analyze(text);
            if (Analyzed.Count < MaxAnalyzed)
            {
                Analyzed.TryAdd(text, signal);
            }

            return signal;
        }
    }
}
