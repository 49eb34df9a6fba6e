using HealthGrid.Domain.Configuration;

namespace HealthGrid.GrainInterfaces.Configuration;

public enum ConfigurationWriteOutcome
{
    /// <summary>A new version is in force (on <see cref="ConfigurationWriteResult.AppliedOn"/> of the silos when the write answered).</summary>
    Written,

    /// <summary>The document is the one in force already; no version was made.</summary>
    Unchanged,

    /// <summary>The document is not valid for the area; see the errors, nothing was written.</summary>
    Invalid,

    /// <summary>The expected version is no longer the newest; nothing was written.</summary>
    Conflict,

    UnknownArea,

    /// <summary>The version to restore does not exist.</summary>
    UnknownVersion,
}

/// <summary>What writing a configuration change did.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationWriteResult")]
public sealed record ConfigurationWriteResult
{
    [Id(0)] public required ConfigurationWriteOutcome Outcome { get; init; }

    /// <summary>The version written, or the newest one when nothing was (unchanged, conflict).</summary>
    [Id(1)] public ConfigurationVersion? Version { get; init; }

    [Id(2)] public OptionError[] Errors { get; init; } = [];

    /// <summary>How many silos confirmed the new version is in force before the write answered, of how many were asked.</summary>
    [Id(3)] public int AppliedOn { get; init; }

    [Id(4)] public int Silos { get; init; }
}
