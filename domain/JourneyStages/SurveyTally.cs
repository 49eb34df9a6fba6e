using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>
/// CSAT and NPS answers counted the way the industry reports them: CSAT as the share of 4–5 ratings
/// on a 1–5 scale, NPS as promoters (9–10) minus detractors (0–6), both in percent.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.SurveyTally")]
public sealed class SurveyTally
{
    [Id(0)] public int CsatAnswers { get; set; }

    [Id(1)] public int CsatSatisfied { get; set; }

    [Id(2)] public int NpsAnswers { get; set; }

    [Id(3)] public int Promoters { get; set; }

    [Id(4)] public int Detractors { get; set; }

    public double? Csat => CsatAnswers == 0 ? null : Math.Round(100.0 * CsatSatisfied / CsatAnswers, 1);

    public double? Nps => NpsAnswers == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / NpsAnswers, 1);

    public static SurveyTally Sum(IEnumerable<SurveyTally> tallies)
    {
        var total = new SurveyTally();
        foreach (var tally in tallies)
        {
            total.Add(tally);
        }

        return total;
    }

    public void Add(SurveyDetails? survey)
    {
        switch (survey)
        {
            case { Type: SurveyType.Csat, Score: var csat }:
                CsatAnswers++;
                CsatSatisfied += csat >= 4 ? 1 : 0;
                break;
            case { Type: SurveyType.Nps, Score: var nps }:
                NpsAnswers++;
                Promoters += nps >= 9 ? 1 : 0;
                Detractors += nps <= 6 ? 1 : 0;
                break;
        }
    }

    public void Add(SurveyTally other)
    {
        CsatAnswers += other.CsatAnswers;
        CsatSatisfied += other.CsatSatisfied;
        NpsAnswers += other.NpsAnswers;
        Promoters += other.Promoters;
        Detractors += other.Detractors;
    }
}
