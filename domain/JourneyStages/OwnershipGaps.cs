using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Organisation;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>
/// Ownership-gap alerts of a journey stage: events reached the stage, or a process serving it, and
/// nobody is accountable for it. Raised to leadership, resolved once an owner is configured.
/// </summary>
public static class OwnershipGaps
{
    public static string StageGapId(string stageId) => AlertIds.Of("gap", "stage", stageId);

    public static string ProcessGapId(string process) => AlertIds.Of("gap", "process", process);

    /// <summary>The gaps that this batch of activity opens; ones already open are not raised again.</summary>
    public static IEnumerable<Alert> Opened(JourneyStageSettings stage, StageActivity activity, Func<string, bool> isOpen, DateTimeOffset now)
    {
        if (StageGap(stage, activity.EventsByKind.Values.Sum(), isOpen, now) is { } gap)
        {
            yield return gap;
        }

        foreach (var (process, count) in activity.UnownedProcesses)
        {
            if (!isOpen(ProcessGapId(process)))
            {
                yield return Gap(ProcessGapId(process), stage.Id, $"Process {process} ({stage.Name}) has no accountable owner; {count} events reached it.", process, now);
            }
        }
    }

    /// <summary>The stage's own gap, when it has no owner and <paramref name="volume"/> events reached it (and the gap is not open yet).</summary>
    public static Alert? StageGap(JourneyStageSettings stage, int volume, Func<string, bool> isOpen, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(stage.Owner) && volume > 0 && !isOpen(StageGapId(stage.Id))
            ? Gap(StageGapId(stage.Id), stage.Id, $"Journey stage {stage.Name} has no accountable owner; {volume} events reached it.", null, now)
            : null;

    /// <summary>The open gaps that an owner, configured since, has closed.</summary>
    public static IEnumerable<string> Closed(IEnumerable<Alert> open, string stageId, OrganisationIndex organisation) =>
        open.Where(a => a.Process is { } p ? !string.IsNullOrWhiteSpace(organisation.ProcessOwnerOf(p)) : organisation.Stage(stageId) is { Owner.Length: > 0 })
            .Select(a => a.Id);

    private static Alert Gap(string id, string stageId, string message, string? process, DateTimeOffset now) =>
        AlertLifecycle.Raise(id, AlertType.OwnershipGap, AlertSeverity.Warning, message, [Audience.Leadership], AlertOwnerKind.JourneyStage, stageId, now)
            with { JourneyStage = stageId, Process = process };
}
