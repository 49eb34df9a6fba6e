namespace HealthGrid.Domain.Ingest;

/// <summary>NPS 0-10, CSAT 1-5, CES 1-7 (7 = "very easy").</summary>
[GenerateSerializer]
public enum SurveyType
{
    Nps,
    Csat,
    Ces,
}
