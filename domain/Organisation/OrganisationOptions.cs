using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Organisation;

/// <summary>
/// The organisation: journey stages, process owners, processes, categorization codes and the journey
/// stage each kind of event belongs to when the event does not say. Bound from <c>HealthGrid:Organisation</c>.
/// </summary>
public sealed class OrganisationOptions
{
    public const string Section = "HealthGrid:Organisation";

    [Required]
    public List<JourneyStageSettings> JourneyStages { get; set; } = [];

    [Required]
    public List<ProcessOwnerSettings> ProcessOwners { get; set; } = [];

    [Required]
    public List<ProcessSettings> Processes { get; set; } = [];

    [Required]
    public List<CategorizationCodeSettings> CategorizationCodes { get; set; } = [];

    /// <summary>The default journey stage per event kind (a complaint goes to its code's process stage first).</summary>
    [Required]
    public Dictionary<InteractionKind, string> StageByKind { get; set; } = [];
}
