using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.ProcessOwners;

namespace HealthGrid.Domain.Activity;

/// <summary>
/// What one customer added to the journey-stage and process-owner tallies over the last day, in the
/// same five-minute buckets: kept in the customer's state so that erasing it can take exactly that
/// back out (<see cref="Withdrawal"/>), and the anonymous tallies are what they would be without it.
/// The tallies cover a day, so the ledger does too; older buckets fall away as new ones open.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.ActivityLedger")]
public sealed class ActivityLedger
{
    [Id(0)] public TimeBuckets<ActivityLedgerBucket> Buckets { get; set; } = new();

    public void Event(string stage, DateTimeOffset at, InteractionKind kind, double? sentiment, SurveyDetails? survey)
    {
        if (Stage(stage, at) is not { } bucket)
        {
            return;
        }

        bucket.ByKind[(int)kind]++;
        if (sentiment is { } s)
        {
            bucket.SentimentSum += s;
            bucket.SentimentCount++;
        }

        if (survey is { Type: SurveyType.Ces, Score: var effort })
        {
            bucket.EffortSum += effort;
            bucket.EffortCount++;
        }

        bucket.Surveys.Add(survey);
    }

    /// <summary>A clock of a case in <paramref name="stage"/> ended; <paramref name="retracted"/>: a breach counted before turned out met.</summary>
    public void StageSla(string stage, DateTimeOffset at, bool met, bool retracted = false)
    {
        if (Stage(stage, at) is { } bucket)
        {
            bucket.SlaMet += met ? 1 : 0;
            bucket.SlaBreached += (met ? 0 : 1) - (retracted ? 1 : 0);
        }
    }

    public void Theme(string owner, DateTimeOffset at, string code, string region, string product)
    {
        if (Owner(owner, at) is { } bucket)
        {
            var key = ThemeStatistics.Key(code, region, product);
            bucket.Counts[key] = bucket.Counts.GetValueOrDefault(key) + 1;
        }
    }

    public void OwnerSla(string owner, DateTimeOffset at, bool met, bool retracted = false)
    {
        if (Owner(owner, at) is { } bucket)
        {
            bucket.SlaMet += met ? 1 : 0;
            bucket.SlaBreached += (met ? 0 : 1) - (retracted ? 1 : 0);
        }
    }

    /// <summary>The negative of everything recorded: added to the tallies, it takes the customer out of them.</summary>
    public Withdrawal Withdraw()
    {
        var stages = new List<(string Stage, StageActivity Activity)>();
        var owners = new List<(string Owner, ThemeActivity Activity)>();
        for (var i = 0; i < Buckets.Starts.Count; i++)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(Buckets.Starts[i]);
            foreach (var (stage, bucket) in Buckets.Buckets[i].Stages)
            {
                stages.Add((stage, Negative(bucket, at)));
            }

            foreach (var (owner, bucket) in Buckets.Buckets[i].Owners)
            {
                var themes = bucket.Counts.Select(c => (Parts: ThemeStatistics.Parts(c.Key), c.Value)).Select(c => new ThemeCount(c.Parts[0], c.Parts[1], c.Parts[2], -c.Value));
                owners.Add((owner, new ThemeActivity(at, [.. themes], -bucket.SlaMet, -bucket.SlaBreached)));
            }
        }

        return new Withdrawal([.. stages], [.. owners]);
    }

    private static StageActivity Negative(StageBucket bucket, DateTimeOffset at) => new()
    {
        At = at,
        EventsByKind = bucket.ByKind.Select((count, kind) => (Kind: (InteractionKind)kind, Count: -count)).Where(k => k.Count != 0).ToDictionary(k => k.Kind, k => k.Count),
        SentimentSum = -bucket.SentimentSum,
        SentimentCount = -bucket.SentimentCount,
        EffortSum = -bucket.EffortSum,
        EffortCount = -bucket.EffortCount,
        SlaMet = -bucket.SlaMet,
        SlaBreached = -bucket.SlaBreached,
        Surveys = new SurveyTally
        {
            CsatAnswers = -bucket.Surveys.CsatAnswers,
            CsatSatisfied = -bucket.Surveys.CsatSatisfied,
            NpsAnswers = -bucket.Surveys.NpsAnswers,
            Promoters = -bucket.Surveys.Promoters,
            Detractors = -bucket.Surveys.Detractors,
        },
    };

    private StageBucket? Stage(string stage, DateTimeOffset at) => Buckets.At(at) is { } bucket ? Entry(bucket.Stages, stage) : null;

    private ThemeBucket? Owner(string owner, DateTimeOffset at) => Buckets.At(at) is { } bucket ? Entry(bucket.Owners, owner) : null;

    private static T Entry<T>(Dictionary<string, T> entries, string key)
        where T : new()
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            entries[key] = entry = new T();
        }

        return entry;
    }

    /// <summary>The tallies to add to each stage and owner.</summary>
    public sealed record Withdrawal((string Stage, StageActivity Activity)[] Stages, (string Owner, ThemeActivity Activity)[] Owners);
}

/// <summary>One customer's share of every stage and owner tally in one five-minute bucket.</summary>
[GenerateSerializer, Alias("HealthGrid.ActivityLedgerBucket")]
public sealed class ActivityLedgerBucket
{
    [Id(0)] public Dictionary<string, StageBucket> Stages { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, ThemeBucket> Owners { get; set; } = new(StringComparer.Ordinal);
}
