using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Organisation;

public sealed class ProcessOwnerSettings
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    public string? Email { get; set; }
}
