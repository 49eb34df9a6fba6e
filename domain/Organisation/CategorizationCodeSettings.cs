using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Organisation;

/// <summary>A standardized categorization code for complaints, and the process it belongs to.</summary>
public sealed class CategorizationCodeSettings
{
    [Required]
    public string Code { get; set; } = "";

    [Required]
    public string Description { get; set; } = "";

    [Required]
    public string Process { get; set; } = "";
}
