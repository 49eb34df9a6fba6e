using FluentValidation;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Continuity;

/// <summary>A scenario: named nodes of known kinds (configured processes and stages), sane windows, a start not in the past.</summary>
public sealed class ScenarioRequestValidator : RequestValidator<ScenarioRequest>
{
    public const int MaxDisruptions = 20;
    public const int MaxNodes = 50;
    public const double MaxHours = 24 * 90;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ScenarioRequestValidator(CurrentOrganisation organisation, TimeProvider time)
    {
        RuleFor(s => s.Name).RequiredText(200);
        RuleFor(s => s.Description).AtMost(2000);
        RuleFor(s => s.StartsAt).Must(at => at is null || at >= time.GetUtcNow() - ClockSkew).WithMessage("must not be in the past");
        RuleFor(s => s.Disruptions).Must(d => d is { Count: > 0 }).WithMessage("must have at least one disruption")
            .Must(d => d!.Count <= MaxDisruptions).WithMessage($"must have at most {MaxDisruptions} entries");
        RuleForEach(s => s.Disruptions).Cascade(CascadeMode.Continue).Present().SetValidator(new Disruption(organisation)!).When(s => s.Disruptions is { Count: <= MaxDisruptions });
    }

    private sealed class Disruption : RequestValidator<DisruptionRequest>
    {
        public Disruption(CurrentOrganisation organisation)
        {
            RuleFor(d => d.Nodes).Must(n => n is { Count: > 0 }).WithMessage("must name at least one node")
                .Must(n => n!.Count <= MaxNodes).WithMessage($"must have at most {MaxNodes} entries");
            RuleForEach(d => d.Nodes).Cascade(CascadeMode.Continue).Present().SetValidator(new Node(organisation)!).When(d => d.Nodes is { Count: <= MaxNodes });
            RuleFor(d => d.OffsetHours).Between(0, MaxHours);
            RuleFor(d => d.DurationHours).Present().Between(0.25, MaxHours);
            RuleFor(d => d.Mode).KnownOrAbsent();
            RuleFor(d => d.DegradedPercent).Present().Between(1, 99).When(d => d.Mode.Value == DisruptionMode.Degraded);
            RuleFor(d => d.DegradedPercent).Null().When(d => d.Mode.Value != DisruptionMode.Degraded).WithMessage("applies to degraded mode only");
            RuleFor(d => d.Regions).Must(l => l is null || l.Count <= MaxNodes).WithMessage($"must have at most {MaxNodes} entries");
            RuleForEach(d => d.Regions).Cascade(CascadeMode.Continue).RequiredText(128);
            RuleFor(d => d.Products).Must(l => l is null || l.Count <= MaxNodes).WithMessage($"must have at most {MaxNodes} entries");
            RuleForEach(d => d.Products).Cascade(CascadeMode.Continue).RequiredText(128);
        }
    }

    private sealed class Node : RequestValidator<NodeRequest>
    {
        public Node(CurrentOrganisation organisation)
        {
            RuleFor(n => n.Type).Known();
            RuleFor(n => n.Id).Identifier()
                .Must((n, id) => n.Type.Value != DependencyType.Process || organisation.Index.IsProcess(id!)).WithMessage(n => $"'{n.Id}' is not a configured process")
                .Must((n, id) => n.Type.Value != DependencyType.JourneyStage || organisation.Index.IsStage(id!)).WithMessage(n => $"'{n.Id}' is not a configured journey stage");
        }
    }
}
