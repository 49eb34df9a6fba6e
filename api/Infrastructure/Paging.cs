namespace HealthGrid.Api.Infrastructure;

/// <summary>The paging rule of every list: <c>offset</c> from 0, <c>limit</c> 1 to 500 (50 when absent).</summary>
public static class Paging
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    public static (int Offset, int Limit) Read(FieldErrors errors, int? offset, int? limit)
    {
        var page = (Offset: offset ?? 0, Limit: limit ?? DefaultPageSize);
        errors.Range("offset", page.Offset, 0, int.MaxValue);
        errors.Range("limit", page.Limit, 1, MaxPageSize);
        return page;
    }
}
