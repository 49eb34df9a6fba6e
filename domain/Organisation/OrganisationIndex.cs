using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Organisation;

/// <summary>
/// Read-only lookups over <see cref="OrganisationOptions"/> (code → process → owner, stage ids),
/// rebuilt whenever the configuration changes so the ingest path never scans lists.
/// </summary>
public sealed class OrganisationIndex
{
    private readonly Dictionary<string, JourneyStageSettings> stages;
    private readonly Dictionary<string, ProcessOwnerSettings> owners;
    private readonly Dictionary<string, ProcessSettings> processes;
    private readonly Dictionary<string, CategorizationCodeSettings> codes;
    private readonly Dictionary<InteractionKind, string> stageByKind;
    private readonly Dictionary<string, string> firstCodeByProcess;

    public OrganisationIndex(OrganisationOptions options)
    {
        stages = options.JourneyStages.ToDictionary(s => s.Id, StringComparer.Ordinal);
        owners = options.ProcessOwners.ToDictionary(o => o.Id, StringComparer.Ordinal);
        processes = options.Processes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        codes = options.CategorizationCodes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        stageByKind = new Dictionary<InteractionKind, string>(options.StageByKind);
        firstCodeByProcess = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in options.CategorizationCodes)
        {
            firstCodeByProcess.TryAdd(code.Process, code.Code);
        }
    }

    public IEnumerable<JourneyStageSettings> Stages => stages.Values;

    public IEnumerable<ProcessOwnerSettings> Owners => owners.Values;

    public IEnumerable<ProcessSettings> Processes => processes.Values;

    public bool IsStage(string id) => stages.ContainsKey(id);

    public bool IsCode(string code) => codes.ContainsKey(code);

    public bool IsProcess(string id) => processes.ContainsKey(id);

    public JourneyStageSettings? Stage(string id) => stages.GetValueOrDefault(id);

    public ProcessOwnerSettings? Owner(string id) => owners.GetValueOrDefault(id);

    public ProcessSettings? Process(string id) => processes.GetValueOrDefault(id);

    /// <summary>The processes serving a journey stage, in configuration order.</summary>
    public IEnumerable<ProcessSettings> ProcessesServing(string stage) =>
        processes.Values.Where(p => string.Equals(p.JourneyStage, stage, StringComparison.Ordinal));

    /// <summary>The first categorization code of a process: how a ticket about the process as a whole is categorized.</summary>
    public string? FirstCodeOf(string process) => firstCodeByProcess.GetValueOrDefault(process);

    public IEnumerable<ProcessSettings> ProcessesOwnedBy(string ownerId) =>
        processes.Values.Where(p => string.Equals(p.Owner, ownerId, StringComparison.Ordinal));

    /// <summary>The owner of a process; null or empty for an unowned or unknown process.</summary>
    public string? ProcessOwnerOf(string process) => processes.GetValueOrDefault(process)?.Owner;

    /// <summary>The process a categorization code belongs to, or null for an unknown code.</summary>
    public ProcessSettings? ProcessOfCode(string code) =>
        codes.TryGetValue(code, out var c) ? processes.GetValueOrDefault(c.Process) : null;

    /// <summary>The journey stage an event belongs to when it does not name one.</summary>
    public string? DefaultStage(InteractionKind kind, string? complaintCode)
    {
        if (complaintCode is not null && ProcessOfCode(complaintCode)?.JourneyStage is { Length: > 0 } stage)
        {
            return stage;
        }

        return stageByKind.GetValueOrDefault(kind);
    }
}
