using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;
using HealthGrid.Tests.Domain.Sla;
using Microsoft.Extensions.Configuration;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Cases;

/// <summary>
/// One customer's model driven the way the grain drives it: events applied in sequence, SLA timers
/// fired as journaled events when due. Everything it applied is kept, so a replay can be compared.
/// </summary>
internal sealed class CustomerHarness
{
    public static readonly DateTimeOffset T0 = Utc(2026, 11, 24, 9);

    private long seq;

    public CustomerHarness(CustomerProfile? profile = null, SlaOptions? sla = null)
    {
        Sla = sla ?? Options();
        Rules = new CustomerRules(Model.Options(), new AlertOptions(), Sla, new SlaPolicies(Sla), new OrganisationIndex(Organisation()));
        Customer = new CustomerModel("c-1", new CustomerState());
        Customer.SetProfile(profile ?? EscalationTests.Profile(Tier.Gold, Criticality.Medium), Rules.Model);
    }

    public CustomerModel Customer { get; }

    public CustomerRules Rules { get; private set; }

    public SlaOptions Sla { get; }

    public List<Interaction> Applied { get; } = [];

    public List<Alert> Alerts { get; } = [];

    public List<SlaOutcome> Outcomes { get; } = [];

    public List<ScoreChange> ScoreChanges { get; } = [];

    public CustomerState State => Customer.State;

    /// <summary>gold-urgent: gold high/critical, 24x7, FR 15 min, NR 30 min, PU 1 h, resolution 4 h, warned at 75%, the full chain.
    /// standard: everything else, Amsterdam hours, FR 4 h, NR 8 h, resolution 30 h, warned at 80%, team then process owner.</summary>
    public static SlaOptions Options() => new()
    {
        Calendars =
        [
            new SlaCalendarSettings { Id = "24x7", AlwaysOpen = true },
            Settings("Europe/Amsterdam", Weekdays, ["08:00-18:00"], [new DateOnly(2026, 12, 25)], id: "amsterdam"),
        ],
        Policies =
        [
            new SlaPolicySettings
            {
                Id = "gold-urgent",
                Match = new SlaMatchSettings { Tiers = ["gold", "platinum"], Severities = ["high", "critical"] },
                Calendar = "24x7",
                Targets = new SlaTargetSettings { FirstResponse = TimeSpan.FromMinutes(15), NextResponse = TimeSpan.FromMinutes(30), PeriodicUpdate = H(1), Resolution = H(4) },
                Warnings = [new SlaWarningSettings { Percent = 75 }],
                Escalation = EscalationTests.Chain(),
            },
            new SlaPolicySettings
            {
                Id = "standard",
                Calendar = "amsterdam",
                Targets = new SlaTargetSettings { FirstResponse = H(4), NextResponse = H(8), Resolution = H(30) },
                Warnings = [new SlaWarningSettings { Percent = 80 }],
                Escalation = new EscalationSettings { Levels = [new() { Notify = "team", Timeout = H(2) }, new() { Notify = "process_owner", Timeout = H(4) }] },
            },
        ],
    };

    public static OrganisationOptions Organisation()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build();
        return configuration.GetSection(OrganisationOptions.Section).Get<OrganisationOptions>()!;
    }

    public CaseEffects Apply(Interaction e)
    {
        Applied.Add(e);
        var (health, effects) = Customer.Apply(e, ++seq, Rules);
        if (health.Change is { } change)
        {
            ScoreChanges.Add(change);
        }

        Alerts.AddRange(effects.Alerts);
        Outcomes.AddRange(effects.Outcomes);
        return effects;
    }

    public DateTimeOffset? Next => CaseTimers.Next(State.Cases.Values, Rules.Policies);

    /// <summary>Fires every timer due by <paramref name="now"/>, stamped as fired at <paramref name="now"/>, as the grain does.</summary>
    public List<SlaTimerDetails> FireDue(DateTimeOffset now)
    {
        var fired = new List<SlaTimerDetails>();
        for (var round = 0; round < 16; round++)
        {
            var due = CaseTimers.Due(State.Cases.Values, Rules.Policies, now);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var timer in due)
            {
                Apply(TimerEvent(timer));
                fired.Add(timer);
            }
        }

        return fired;
    }

    /// <summary>Lets time pass to <paramref name="until"/>, firing each timer at its due time.</summary>
    public List<SlaTimerDetails> RunUntil(DateTimeOffset until)
    {
        var fired = new List<SlaTimerDetails>();
        while (Next is { } next && next <= until)
        {
            fired.AddRange(FireDue(next));
        }

        return fired;
    }

    public Interaction TimerEvent(SlaTimerDetails timer) => CaseTimers.Event("c-1", State.Cases, timer);

    public void ChangePolicies(SlaOptions options, DateTimeOffset at)
    {
        Rules = Rules with { Sla = options, Policies = new SlaPolicies(options) };
        var effects = Customer.RefreshCases(at, Rules);
        Alerts.AddRange(effects.Alerts);
    }

    /// <summary>The case as it stands after the last applied event.</summary>
    public CaseView Case(string id) => Customer.Case(id, Rules, Applied.Count > 0 ? Applied.Max(e => e.OccurredAt) : T0) ?? throw new InvalidOperationException($"no case {id}");

    public Alert Alert(string id) => Alerts.FindLast(a => a.Id == id) ?? throw new InvalidOperationException($"no alert {id}");

    public static Interaction Ticket(InteractionKind kind, string id, DateTimeOffset at, Severity? severity = Severity.High, CaseStatus? status = null,
        MessageDirection author = MessageDirection.Agent, string? assignee = "ana", string? team = "team-emea") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        CustomerId = "c-1",
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.Chat,
        Kind = kind,
        JourneyStage = "support",
        Ticket = new TicketDetails(id, severity, "billing", null, Status: status, Assignee: assignee, Team: team, Author: author),
    };

    public static Interaction Act(string caseId, CaseAction action, DateTimeOffset at, string by = "sam") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        CustomerId = "c-1",
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.System,
        Kind = InteractionKind.CaseAction,
        CaseAction = new CaseActionDetails(caseId, action, by, null),
    };

    public static Interaction AlertAction(string alertId, AlertState to, DateTimeOffset at, string by = "sam") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        CustomerId = "c-1",
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.System,
        Kind = InteractionKind.AlertAction,
        AlertAction = new AlertActionDetails(alertId, to, by),
    };
}
