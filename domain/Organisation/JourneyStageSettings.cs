using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Organisation;

public sealed class JourneyStageSettings
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>The accountable process owner's id; empty marks an ownership gap.</summary>
    public string? Owner { get; set; }
}
