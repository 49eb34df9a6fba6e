using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;
using HealthGrid.Tests.Domain.Cases;
using Microsoft.Extensions.Configuration;

namespace HealthGrid.Tests.Domain;

public sealed class OptionsValidationTests
{
    private static OrganisationOptions Shipped()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build();
        return configuration.GetSection(OrganisationOptions.Section).Get<OrganisationOptions>()!;
    }

    [Fact]
    public void The_shipped_configuration_is_valid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build();
        var model = configuration.GetSection(HealthModelOptions.Section).Get<HealthModelOptions>()!;
        Assert.True(new HealthModelOptionsValidator().Validate(null, model).Succeeded);
        Assert.True(new OrganisationOptionsValidator().Validate(null, Shipped()).Succeeded);
        Assert.Equal(5, Shipped().JourneyStages.Count);
    }

    [Fact]
    public void Dangling_references_and_duplicates_are_reported()
    {
        var organisation = Shipped();
        organisation.CategorizationCodes.Add(new CategorizationCodeSettings { Code = "X-1", Description = "x", Process = "nowhere" });
        organisation.JourneyStages.Add(new JourneyStageSettings { Id = "support", Name = "Again" });
        organisation.Processes[0].Owner = "nobody";
        organisation.StageByKind.Remove(InteractionKind.Usage);
        var failures = new OrganisationOptionsValidator().Validate(null, organisation).Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("X-1", StringComparison.Ordinal) && f.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'support' appears more than once", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'nobody' is not a process owner", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("StageByKind:Usage is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Inconsistent_model_settings_are_reported()
    {
        var model = Model.Options();
        model.Bands = new BandThresholds { AtRiskBelow = 40, CriticalBelow = 60 };
        model.Components.Remove(HealthComponent.Adoption);
        var failures = new HealthModelOptionsValidator().Validate(null, model).Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("CriticalBelow", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Adoption is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Complaints_route_to_their_code_stage_and_other_kinds_to_the_default()
    {
        var index = new OrganisationIndex(Shipped());
        Assert.Equal("billing", index.DefaultStage(InteractionKind.Complaint, "BILL-DUP"));
        Assert.Equal("support", index.DefaultStage(InteractionKind.Message, null));
        Assert.Equal("po-billing", index.ProcessOfCode("BILL-DUP")!.Owner);
        Assert.Null(index.ProcessOfCode("NOPE"));
    }

    [Fact]
    public void The_shipped_sla_configuration_is_valid_and_its_last_policy_catches_everything()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build();
        var sla = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>()!;
        Assert.True(new SlaOptionsValidator().Validate(null, sla).Succeeded);
        Assert.Equal(3, sla.Calendars.Count);
        Assert.Equal(5, sla.Calendars[1].Hours.Count);
        Assert.Contains(new DateOnly(2026, 12, 25), sla.Calendars[1].Holidays);
        var policies = new HealthGrid.Domain.Sla.SlaPolicies(sla);
        Assert.Equal("standard", policies.Select(Tier.Bronze, Severity.Low, null, Channel.Email).Id);
        Assert.Equal("critical-accounts", policies.Select(Tier.Platinum, Severity.Critical, null, Channel.Call).Id);
    }

    [Fact]
    public void Bad_sla_settings_are_reported_with_where_they_are()
    {
        var sla = CustomerHarness.Options();
        sla.Calendars.Add(new SlaCalendarSettings { Id = "mars", TimeZone = "Mars/Olympus", AlwaysOpen = true });
        sla.Policies[0].Calendar = "nowhere";
        sla.Policies[0].Match.Tiers.Add("diamond");
        sla.Policies[0].Targets.FirstResponse = TimeSpan.Zero;
        sla.Policies[0].Warnings.Add(new SlaWarningSettings { Percent = 150 });
        sla.Policies[0].Escalation.Levels.Add(new EscalationLevelSettings { Notify = "ceo" });
        sla.Policies[1].Match.Channels.Add("email");
        var failures = new SlaOptionsValidator().Validate(null, sla).Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("unknown time zone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Policies:gold-urgent:Calendar 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Match:Tiers: 'diamond'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Targets:FirstResponse must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Warnings", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'ceo' is not one of", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("the last policy must match every case", StringComparison.Ordinal));
        Assert.Equal(7, failures.Count);
    }
}
