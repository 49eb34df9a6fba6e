using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Storage.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// An independent check of exactly-once application: rebuilds a customer's health from the event log
/// alone (every event once, in log order) with the shipped model, to compare with what the silo serves.
/// </summary>
internal static class LogReplay
{
    public static HealthModelOptions ShippedModel() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build()
            .GetSection(HealthModelOptions.Section).Get<HealthModelOptions>()!;

    public static async Task<(HealthState State, List<JournalEntry> Entries)> ReplayAsync(string connectionString, string customerId)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var journal = new PostgresEventJournal(source, new JournalMetrics(meters), Options.Create(new JournalOptions()), TimeProvider.System, NullLogger<PostgresEventJournal>.Instance);
        var entries = new List<JournalEntry>();
        await foreach (var entry in journal.ReadAsync(JournalStreams.Customer(customerId), 0))
        {
            entries.Add(entry);
        }

        var model = ShippedModel();
        var state = new HealthState();
        HealthModel.Rescore(state, model);
        foreach (var entry in entries.Where(e => CustomerModel.CountsForHealth(e.Interaction)))
        {
            HealthModel.Apply(state, customerId, entry.Interaction, entry.Seq, model);
        }

        return (state, entries);
    }

    /// <summary>The decayed support-load count now: additive, so any event applied twice shows.</summary>
    public static double SupportLoadNow(HealthState state) =>
        HealthView.Build(state, DateTimeOffset.UtcNow, ShippedModel(), []).Churn.Factors.Single(f => f.Name == "support load").Value;

    /// <summary>The score at <paramref name="at"/>: the moment the silo's view was read, since scores decay with time.</summary>
    public static double ScoreAt(HealthState state, DateTimeOffset at) =>
        HealthView.Build(state, at, ShippedModel(), []).Score;
}
