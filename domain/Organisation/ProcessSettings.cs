using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Organisation;

/// <summary>An internal process (billing, fulfilment, …) and the process owner accountable for it.</summary>
public sealed class ProcessSettings
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>The owning process owner's id; empty marks an ownership gap.</summary>
    public string? Owner { get; set; }

    /// <summary>The journey stage the process serves.</summary>
    public string? JourneyStage { get; set; }
}
