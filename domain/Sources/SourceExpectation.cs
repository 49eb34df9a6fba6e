using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace HealthGrid.Domain.Sources;

/// <summary>
/// What HealthGrid expects of one source of events (held in the <c>connectors</c> area): how long it may
/// stay quiet, and how far behind the events it delivers may be. A source that breaks either raises a
/// <c>source_stale</c> alert to the operators and leadership, resolved when it recovers.
/// </summary>
public sealed class SourceExpectation
{
    /// <summary>The source (<see cref="SourceNames"/>): <c>api:{client}</c>, <c>zendesk:{id}</c>, <c>zammad:{id}</c>, <c>rabbitmq:{id}</c>.</summary>
    [Required, RegularExpression("^(api|zendesk|zammad|rabbitmq):[A-Za-z0-9@._-]{1,128}$", ErrorMessage = "must be api:{client}, zendesk:{connector}, zammad:{connector} or rabbitmq:{connector}")]
    public string Id { get; set; } = "";

    /// <summary>What people call it, in alerts and customer views ("the EU helpdesk"); the id when absent.</summary>
    [StringLength(80)]
    public string? Name { get; set; }

    /// <summary>The source is stale when no event arrived for this long: its expected cadence with some slack.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The source is stale when its events arrive more than this long after they happened (the 95th percentile of a check's events); none: not checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan? MaxLag { get; set; }

    /// <summary>The name, or the id: how messages call it. Not a setting.</summary>
    [JsonIgnore]
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
