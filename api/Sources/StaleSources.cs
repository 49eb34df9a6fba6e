using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Sources;

namespace HealthGrid.Api.Sources;

/// <summary>
/// The expected sources as this silo last checked them (every <see cref="SourceWatch"/> pass): what a
/// customer view reads to say that the data behind a score is stale.
/// </summary>
public sealed class StaleSources
{
    private volatile IReadOnlyDictionary<string, SourceView> checkedSources = new Dictionary<string, SourceView>();

    public void Update(IReadOnlyDictionary<string, SourceView> views) => checkedSources = views;

    /// <summary>The customer's sources with their names, and a note on each that is stale now.</summary>
    public CustomerView Annotate(CustomerView view)
    {
        var known = checkedSources;
        return view with
        {
            Sources = [.. view.Sources.Select(s => known.TryGetValue(s.Source, out var source)
                ? s with { Name = source.Name, Stale = source.Stale, Note = source.Stale ? $"The data behind this score may be stale: {source.Reason}." : null }
                : s)],
        };
    }
}
