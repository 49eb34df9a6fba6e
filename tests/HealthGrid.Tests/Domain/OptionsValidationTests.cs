using HealthGrid.Domain.Configuration;
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
        var errors = new OrganisationOptionsValidator().Check(organisation);
        var last = organisation.CategorizationCodes.Count - 1;
        Assert.Contains(new OptionError($"categorizationCodes[{last}].process", "'nowhere' is not a process."), errors);
        Assert.Contains(new OptionError($"journeyStages[{organisation.JourneyStages.Count - 1}].id", "'support' appears more than once."), errors);
        Assert.Contains(new OptionError("processes[0].owner", "'nobody' is not a process owner."), errors);
        Assert.Contains(new OptionError("stageByKind.usage", "is missing."), errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Inconsistent_model_settings_are_reported()
    {
        var model = Model.Options();
        model.Bands = new BandThresholds { AtRiskBelow = 40, CriticalBelow = 60 };
        model.Components.Remove(HealthComponent.Adoption);
        var errors = new HealthModelOptionsValidator().Check(model);
        Assert.Contains(new OptionError("bands.criticalBelow", "must be lower than atRiskBelow."), errors);
        Assert.Contains(new OptionError("components.adoption", "is missing."), errors);
        Assert.Equal(2, errors.Count);
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
        var errors = new SlaOptionsValidator().Check(sla);
        var paths = errors.Select(e => e.Path).ToList();
        var calendar = sla.Calendars.Count - 1;
        var policy = sla.Policies.Count - 1;
        Assert.Contains(new OptionError($"calendars[{calendar}].timeZone", "unknown time zone 'Mars/Olympus'."), errors);
        Assert.Contains(new OptionError("policies[0].calendar", "'nowhere' is not a calendar."), errors);
        Assert.Contains($"policies[0].match.tiers[{sla.Policies[0].Match.Tiers.Count - 1}]", paths);
        Assert.Contains(new OptionError("policies[0].targets.firstResponse", "must be positive."), errors);
        Assert.Contains($"policies[0].warnings[{sla.Policies[0].Warnings.Count - 1}]", paths);
        Assert.Contains($"policies[0].escalation.levels[{sla.Policies[0].Escalation.Levels.Count - 1}].notify", paths);
        Assert.Contains(new OptionError($"policies[{policy}].match", "the last policy must match every case (leave its match empty)."), errors);
        Assert.Equal(7, errors.Count);

        // At start-up the same errors fail the silo, each one saying where it is.
        var failures = new SlaOptionsValidator().Validate(null, sla).Failures!;
        Assert.Contains("policies[0].targets.firstResponse: must be positive.", failures);
    }
}
