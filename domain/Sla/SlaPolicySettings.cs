using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Sla;

/// <summary>An SLA policy; the first policy whose <see cref="Match"/> fits a case applies.</summary>
public sealed class SlaPolicySettings
{
    [Required]
    public string Id { get; set; } = "";

    public SlaMatchSettings Match { get; set; } = new();

    [Required]
    public string Calendar { get; set; } = "";

    public SlaTargetSettings Targets { get; set; } = new();

    public List<SlaWarningSettings> Warnings { get; set; } = [];

    public EscalationSettings Escalation { get; set; } = new();
}
